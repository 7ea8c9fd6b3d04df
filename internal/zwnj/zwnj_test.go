package zwnj

const (
	sharedData = "../../../shared/data"
	perdtDev   = sharedData + "/ud-perdt/perdt-dev.txt"
)
