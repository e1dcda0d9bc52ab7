// Dates, times and ISO weeks in the user's time zone (the token's zone claim), without
// a library: Intl does the zone arithmetic.

const DAY = 86_400_000;

const formatters = new Map();

function formatter(zone) {
  if (!formatters.has(zone)) {
    formatters.set(zone, new Intl.DateTimeFormat('en-CA', {
      timeZone: zone, hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    }));
  }
  return formatters.get(zone);
}

/** The wall-clock fields of an instant in a zone. */
export function parts(instant, zone) {
  const fields = {};
  for (const part of formatter(zone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') {
      fields[part.type] = Number(part.value);
    }
  }
  return fields;
}

const pad = (value) => String(value).padStart(2, '0');

/** 'YYYY-MM-DD' of an instant in a zone. */
export function localDate(instant, zone) {
  const p = parts(instant, zone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** 'HH:MM' of an instant in a zone. */
export function localTime(instant, zone) {
  const p = parts(instant, zone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

function offset(time, zone) {
  const p = parts(time, zone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(time / 1000) * 1000;
}

/** The instant (ISO-8601, to the second) of a wall-clock date and time in a zone. */
export function toInstant(date, time, zone) {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute, second = 0] = time.split(':').map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  // The second pass corrects a first guess that fell on the other side of a DST change.
  const guess = wall - offset(wall, zone);
  const instant = wall - offset(guess, zone);
  return new Date(instant).toISOString().replace('.000Z', 'Z');
}

function utc(date) {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

function isoDate(time) {
  return new Date(time).toISOString().slice(0, 10);
}

export function addDays(date, days) {
  return isoDate(utc(date) + days * DAY);
}

/** The ISO week ('2026-W47') that holds a date. */
export function weekOf(date) {
  const time = utc(date);
  const weekday = (new Date(time).getUTCDay() + 6) % 7;
  const thursday = time + (3 - weekday) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / DAY / 7);
  return `${year}-W${pad(week)}`;
}

export function isWeek(text) {
  return /^\d{4}-W\d{2}$/.test(text ?? '');
}

/** 'YYYY-MM-DD' of the Monday of an ISO week. */
export function mondayOf(week) {
  const [year, number] = week.split('-W').map(Number);
  const january4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(january4).getUTCDay() + 6) % 7;
  return isoDate(january4 - weekday * DAY + (number - 1) * 7 * DAY);
}

export function daysOf(week) {
  const monday = mondayOf(week);
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

export function addWeeks(week, count) {
  return weekOf(addDays(mondayOf(week), 7 * count));
}

export function currentWeek(zone) {
  return weekOf(localDate(Date.now(), zone));
}

export function browserZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
