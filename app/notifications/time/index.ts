// Time in shops' zones, without I/O: the caller passes `now`, Intl supplies the zone rules.
export {
  MS_PER_DAY,
  MS_PER_HOUR,
  addDays,
  isCivilDate,
  isoWeekday,
  localDate,
  offsetMinutes,
  safeTimeZone,
  startOfLocalDay,
  zonedParts,
  zonedTimeToInstant,
  type ZonedParts,
} from "./zone";
export {
  addBusinessDays,
  addBusinessHours,
  businessHoursBetween,
  isWorkingDay,
  nextWorkingDay,
  type BusinessCalendar,
} from "./business";
