package zwnj

import (
	"bytes"
	"os"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"khabar/internal/persian"
)

// BenchmarkRestore measures the restorer on PerDT dev text with every ZWNJ
// removed (damage A), the common case for scraped news.
func BenchmarkRestore(b *testing.B) {
	data, err := os.ReadFile(perdtDev)
	if err != nil {
		b.Skip("shared data missing:", err)
	}
	lines := strings.Split(DamageA(persian.Letters(string(data))), "\n")
	r := Default()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	cpu0 := cpuSeconds()
	for range b.N {
		for _, l := range lines {
			r.Restore(l)
		}
	}
	// On a shared machine wall-clock MB/s also counts time the process waited
	// for a core; MB/cpu-s counts only the time it ran.
	if cpu := cpuSeconds() - cpu0; cpu > 0 {
		b.ReportMetric(float64(len(data))*float64(b.N)/1e6/cpu, "MB/cpu-s")
	}
}

// cpuSeconds is the user and system CPU time the process has used.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// BenchmarkLoad measures parsing the embedded model and the heap the loaded
// model keeps (MB-heap).
func BenchmarkLoad(b *testing.B) {
	var r *Restorer
	for range b.N {
		var err error
		if r, err = Load(bytes.NewReader(modelGz)); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	var before, after runtime.MemStats
	r = nil
	runtime.GC()
	runtime.ReadMemStats(&before)
	r, _ = Load(bytes.NewReader(modelGz))
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/1e6, "MB-heap")
	runtime.KeepAlive(r)
}
