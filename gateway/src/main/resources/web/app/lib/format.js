// How the console writes dates, amounts and rates: dates in Asia/Shanghai, amounts in 万元 (the APIs' unit) or 亿元.

const ZONE = 'Asia/Shanghai';
const dateFormat = new Intl.DateTimeFormat('zh-CN', {timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit'});
const dateTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
});
const number = new Intl.NumberFormat('zh-CN', {maximumFractionDigits: 2});

export const fmt = {
  /** An ISO instant or date as 2026/02/13 (a plain date is shown as it is, never shifted). */
  date(value) {
    if (!value) return '—';
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value.replace(/-/g, '/');
    return dateFormat.format(new Date(value));
  },
  dateTime(value) {
    return value ? dateTimeFormat.format(new Date(value)) : '—';
  },
  /** An amount given in 万元. */
  wan(value) {
    return value === null || value === undefined ? '—' : number.format(value) + ' 万元';
  },
  /** An amount given in 万元, written in 亿元. */
  yi(value) {
    return value === null || value === undefined ? '—' : number.format(value / 10000) + ' 亿元';
  },
  /** 万元 or 亿元, whichever reads better. */
  money(value) {
    if (value === null || value === undefined) return '—';
    return Math.abs(value) >= 10000 ? fmt.yi(value) : fmt.wan(value);
  },
  /** A ratio 0..1 as a percentage. */
  percent(ratio) {
    return ratio === null || ratio === undefined ? '—' : number.format(ratio * 100) + '%';
  },
  count(value) {
    return value === null || value === undefined ? '—' : number.format(value);
  },
  /** Today's date in Jining, as yyyy-MM-dd. */
  today() {
    return new Intl.DateTimeFormat('en-CA', {timeZone: ZONE}).format(new Date());
  },
};
