// How numbers, times and states read on the page.

const pad = (value) => String(value).padStart(2, '0');

/** Seconds as hours and minutes: 12600 -> '3:30'. */
export function duration(seconds) {
  const minutes = Math.floor((seconds ?? 0) / 60);
  return `${Math.floor(minutes / 60)}:${pad(minutes % 60)}`;
}

/** Seconds as a running clock: 3723 -> '1:02:03'. */
export function clock(seconds) {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 3600)}:${pad(Math.floor(whole / 60) % 60)}:${pad(whole % 60)}`;
}

/** 'YYYY-MM-DD' as 'Mon 16 Nov'. */
export function day(date) {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })
    .format(new Date(`${date}T00:00:00Z`));
}

export function dateTime(instant, zone) {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
    timeZone: zone,
  }).format(new Date(instant));
}

export function money(amounts) {
  if (!amounts?.length) {
    return '—';
  }
  return amounts.map(({ amount, currency }) => new Intl.NumberFormat('en-GB', { style: 'currency', currency })
    .format(Number(amount))).join(' + ');
}

const STATUS = {
  open: 'Open', submitted: 'Submitted', approved: 'Approved', rejected: 'Rejected', reopened: 'Reopened',
};

export function status(value) {
  return STATUS[value] ?? value;
}
