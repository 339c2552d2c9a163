package digest

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The schedule rules, in one place:
//
//   - A server's digest is due once per local date, at its time of day in its
//     zone. On the day the clocks skip that time (spring forward) it is due as
//     many minutes after the gap as it falls into it (02:30 → 03:30); on the day
//     the time happens twice (fall back) it is due at the first. The digest log
//     is keyed by local date, so each date posts at most once.
//   - Due times before the schedule was set do not count: a time set later in the
//     day than now is due today, one set earlier is due tomorrow.
//   - A bot that was down at a due time posts the latest missed digest when it
//     comes back, and only that one: its window reaches back to the previous
//     digest, so nothing is skipped.

// ParseClock reads "HH:MM" (or "H:MM"), 24-hour.
func ParseClock(s string) (hour, minute int, err error) {
	h, m, ok := strings.Cut(strings.TrimSpace(s), ":")
	hour, err1 := strconv.Atoi(h)
	minute, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || len(m) != 2 || len(h) < 1 || len(h) > 2 ||
		hour < 0 || hour > 23 || minute < 0 || minute > 59 {
		return 0, 0, fmt.Errorf("%q is not a time of day like 08:30 or 18:00", s)
	}
	return hour, minute, nil
}

// dueOn returns when a digest at hour:minute is due on the local date of day.
// time.Date leaves the choice open for a wall time that is skipped or repeated,
// so both cases are settled here.
func dueOn(day time.Time, hour, minute int, loc *time.Location) time.Time {
	y, m, d := day.In(loc).Date()
	t := time.Date(y, m, d, hour, minute, 0, 0, loc)
	if t.Hour() != hour || t.Minute() != minute {
		// Skipped: read the wall time with the offset in force before the gap.
		_, before := t.Add(-12 * time.Hour).Zone()
		return time.Date(y, m, d, hour, minute, 0, 0, time.UTC).Add(-time.Duration(before) * time.Second)
	}
	// Repeated: take the earlier of the two (shifts are an hour or half an hour).
	for _, back := range []time.Duration{time.Hour, 30 * time.Minute} {
		if e := t.Add(-back); e.Hour() == hour && e.Minute() == minute && e.Day() == d {
			return e
		}
	}
	return t
}

// LatestDue returns the latest due time at or before now that is not before
// since, or the zero time when there is none.
func LatestDue(now, since time.Time, hour, minute int, loc *time.Location) time.Time {
	for back := 0; back <= 2; back++ {
		day := now.In(loc).AddDate(0, 0, -back)
		if due := dueOn(day, hour, minute, loc); !due.After(now) {
			if due.Before(since) {
				return time.Time{}
			}
			return due
		}
	}
	return time.Time{}
}

// NextDue returns the first due time after now.
func NextDue(now time.Time, hour, minute int, loc *time.Location) time.Time {
	for ahead := 0; ahead <= 2; ahead++ {
		day := now.In(loc).AddDate(0, 0, ahead)
		if due := dueOn(day, hour, minute, loc); due.After(now) {
			return due
		}
	}
	return now.Add(24 * time.Hour) // not reached: some day within two has the time
}

// LocalDate names the local date of a due time, the digest log's key.
func LocalDate(t time.Time, loc *time.Location) string {
	return t.In(loc).Format("2006-01-02")
}

// LoadZone loads an IANA zone; "Local" and the empty name are refused, since
// they mean the machine's zone, not the server's.
func LoadZone(name string) (*time.Location, error) {
	if name == "" || name == "Local" {
		return nil, fmt.Errorf("unknown time zone %q", name)
	}
	return time.LoadLocation(name)
}
