import type { z } from 'zod';
import type { WEEKDAYS, ZTimeWindow } from '../config/rule-conditions';

type Weekday = (typeof WEEKDAYS)[number];
const WEEK: readonly Weekday[] = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

export type TimeWindowMatcher = (now: Date) => boolean;

/**
 * `days` name the day a window starts on. A window whose end is before its start runs past
 * midnight (22:00–06:00), so 03:00 on Tuesday is inside a Monday window; start = end is all day.
 */
export function compileTimeWindow(window: z.infer<typeof ZTimeWindow>): TimeWindowMatcher {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: window.timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const days = new Set<Weekday>(window.days);
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  return (now) => {
    const { day, minutes } = readLocalTime(format, now);
    const yesterday = WEEK[(day + 6) % 7] as Weekday;
    const today = WEEK[day] as Weekday;
    if (start === end) return days.has(today);
    if (start < end) return days.has(today) && minutes >= start && minutes < end;
    return (days.has(today) && minutes >= start) || (days.has(yesterday) && minutes < end);
  };
}

function minutesOf(time: string): number {
  const [hours = '0', minutes = '0'] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}

function readLocalTime(format: Intl.DateTimeFormat, now: Date): { day: number; minutes: number } {
  let day = 0;
  let minutes = 0;
  for (const part of format.formatToParts(now)) {
    if (part.type === 'weekday')
      day = WEEK.indexOf(part.value.toUpperCase().slice(0, 3) as Weekday);
    else if (part.type === 'hour') minutes += Number(part.value) * 60;
    else if (part.type === 'minute') minutes += Number(part.value);
  }
  return { day, minutes };
}
