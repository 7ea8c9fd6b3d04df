package entities

import "sync"

var (
	defaultOnce   sync.Once
	defaultLinker *Linker
	defaultErr    error
)

// Default returns a linker over the embedded gazetteer, built once. The
// gazetteer is checked by the package tests, so an error here means a broken
// build.
func Default() (*Linker, error) {
	defaultOnce.Do(func() {
		g, err := LoadGazetteer()
		if err != nil {
			defaultErr = err
			return
		}
		defaultLinker, defaultErr = NewLinker(g)
	})
	return defaultLinker, defaultErr
}
