package digest

import (
	"testing"
	"time"
)

func TestDueOn(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	tests := []struct {
		day          string
		hour, minute int
		want         string // UTC
	}{
		{"2026-03-29", 2, 30, "2026-03-29 01:30"}, // skipped: 03:30 CEST
		{"2026-03-29", 9, 0, "2026-03-29 07:00"},  // after the change: CEST
		{"2026-03-29", 1, 0, "2026-03-29 00:00"},  // before it: CET
		{"2026-10-25", 2, 30, "2026-10-25 00:30"}, // repeated: the first, CEST
		{"2026-10-25", 9, 0, "2026-10-25 08:00"},
		{"2026-06-01", 0, 0, "2026-05-31 22:00"},
	}
	for _, tt := range tests {
		day, _ := time.ParseInLocation("2006-01-02", tt.day, berlin)
		if got := dueOn(day, tt.hour, tt.minute, berlin).UTC().Format("2006-01-02 15:04"); got != tt.want {
			t.Errorf("dueOn(%s, %02d:%02d Berlin) = %s UTC, want %s", tt.day, tt.hour, tt.minute, got, tt.want)
		}
	}
}

func TestParseClock(t *testing.T) {
	for _, ok := range []string{"08:30", "8:30", "00:00", "23:59", " 18:00 "} {
		if _, _, err := ParseClock(ok); err != nil {
			t.Errorf("ParseClock(%q) = %v", ok, err)
		}
	}
	for _, bad := range []string{"", "24:00", "8", "08:60", "8:5", "0830", "ab:cd", "-1:30", "123:00"} {
		if _, _, err := ParseClock(bad); err == nil {
			t.Errorf("ParseClock(%q) succeeded", bad)
		}
	}
}
