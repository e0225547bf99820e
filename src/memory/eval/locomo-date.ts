/** Parses LoCoMo session dates ("1:56 pm on 8 May, 2023") as UTC milliseconds. */
import { monthNumber } from '../time/calendar.js';

const SESSION_DATE = /^\s*(\d{1,2}):(\d{2})\s*(am|pm)\s+on\s+(\d{1,2})\s+([a-z]+),?\s+(\d{4})\s*$/i;

/** The session time, or null when the text is not in LoCoMo's date format. */
export function parseLocomoDate(text: string): number | null {
  const match = SESSION_DATE.exec(text);
  if (match === null) return null;
  const [, hourText, minuteText, meridiem, dayText, monthText, yearText] = match;
  const month = monthNumber(monthText ?? '');
  const hour = (Number(hourText) % 12) + ((meridiem ?? '').toLowerCase() === 'pm' ? 12 : 0);
  const day = Number(dayText);
  if (month === null || day < 1 || day > 31 || Number(minuteText) > 59) return null;
  return Date.UTC(Number(yearText), month - 1, day, hour, Number(minuteText));
}
