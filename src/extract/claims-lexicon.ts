/**
 * Units of the numeric-claims extractor (`claims.ts`): the unit table and the regexes that read a
 * unit after a number (attached, spaced, hyphenated, with an exponent, compound, per time). Everything here is built once at module load: the extractor runs on
 * about a million abstracts in the benchmarks, so nothing is compiled per call.
 *
 * Every regex is either sticky (`y`, tried at one position) or global over a bounded
 * alphabet, and none nests quantifiers, so the scan stays linear on hostile input.
 */
import type { ClaimKind } from '../types.js';
import { escapeRe } from './regex.js';

/** How a unit may follow its number: attached ("5ms"), spaced ("5 ms") or both. */
type Mode = 'a' | 's' | 'b';

/** Kinds a unit word can give a claim (parameters and counts come from nouns, not units). */
export type UnitKind = Extract<ClaimKind, 'percent' | 'multiplier' | 'quantity'>;

/** What a matched unit surface means. */
export interface UnitInfo {
  /** Normalised unit ("%", "x", "ms", "°C", ...). */
  unit: string;
  kind: UnitKind;
  /** Physical units may take exponents ("m2", "cm−3") and join into compounds ("g cm−3"). */
  physical: boolean;
}

/** [surfaces, normalised unit, kind, mode]. Surfaces are literal, case-sensitive. */
type Row = [string[], string, UnitKind, Mode];

const ROWS: Row[] = [
  // Percent. "\%" and "\,\%" come from LaTeX sources ("90\%", "4.58\,\%" in the seeds);
  // wt%/vol%/mol% are MeasEval-style mass fractions ("1.0–1.7 wt.%").
  [
    [
      '%',
      '\\%',
      'percent',
      'per cent',
      'per-cent',
      'wt%',
      'wt.%',
      'wt %',
      'wt. %',
      'vol%',
      'vol.%',
      'vol %',
      'mol%',
      'mol %',
      'at%',
      'at.%',
    ],
    '%',
    'percent',
    'b',
  ],
  // Percentage points stay distinct from % ("by up to 5pp (or 5.7%)").
  [['pp', 'p.p.', 'percentage points', 'percentage point', 'percent points'], 'pp', 'percent', 'b'],
  [['points', 'point', 'pts'], 'points', 'quantity', 's'],
  // Multipliers: x, ×, times, -fold, and the LaTeX forms that survive copy-paste:
  // "2.3\times", "3$\times$", and "3times" where the backslash was lost.
  [['x', '×', 'times', '\\times', '$\\times$', '\\texttimes', 'fold'], 'x', 'multiplier', 'b'],
  [['X'], 'x', 'multiplier', 'a'],
  [['orders of magnitude', 'order of magnitude', 'orders-of-magnitude'], 'orders of magnitude', 'quantity', 's'],
  // Time.
  [['ms', 'msec', 'millisecond', 'milliseconds'], 'ms', 'quantity', 'b'],
  [['µs', 'μs', 'microsecond', 'microseconds'], 'µs', 'quantity', 'b'],
  [['ns', 'nanosecond', 'nanoseconds'], 'ns', 'quantity', 'b'],
  [['s', 'sec', 'secs', 'second', 'seconds'], 's', 'quantity', 'b'],
  [['min', 'mins', 'minute', 'minutes'], 'min', 'quantity', 'b'],
  [['h', 'hr', 'hrs', 'hour', 'hours'], 'h', 'quantity', 'b'],
  [['d'], 'days', 'quantity', 's'],
  [['day', 'days'], 'days', 'quantity', 'b'],
  [['wk', 'week', 'weeks'], 'weeks', 'quantity', 'b'],
  [['month', 'months'], 'months', 'quantity', 'b'],
  [['yr', 'yrs', 'year', 'years'], 'years', 'quantity', 'b'],
  [['ka', 'kyr', 'kyrs'], 'kyr', 'quantity', 's'],
  [['Ma', 'Myr', 'Myrs'], 'Myr', 'quantity', 's'],
  [['Ga', 'Gyr', 'Gyrs', 'byr', 'Byr'], 'Gyr', 'quantity', 's'],
  [['GPU hours', 'GPU-hours', 'GPU hour', 'GPU hrs', 'GPU-hrs'], 'GPU hours', 'quantity', 's'],
  [['GPU days', 'GPU-days'], 'GPU days', 'quantity', 's'],
  // Data size ("5GB memory", "24GB consumer-grade GPU", "1TB of multispectral data").
  [['KB', 'kB'], 'KB', 'quantity', 'b'],
  [['MB'], 'MB', 'quantity', 'b'],
  [['GB'], 'GB', 'quantity', 'b'],
  [['TB'], 'TB', 'quantity', 'b'],
  [['PB'], 'PB', 'quantity', 'b'],
  [['KiB'], 'KiB', 'quantity', 'b'],
  [['MiB'], 'MiB', 'quantity', 'b'],
  [['GiB'], 'GiB', 'quantity', 'b'],
  [['TiB'], 'TiB', 'quantity', 'b'],
  [['Gb'], 'Gb', 'quantity', 'b'],
  [['Mb'], 'Mb', 'quantity', 'b'],
  [['kb'], 'kb', 'quantity', 'b'],
  [['bit', 'bits'], 'bits', 'quantity', 'b'],
  [['byte', 'bytes'], 'bytes', 'quantity', 'b'],
  [['bp', 'kbp', 'Mbp'], 'bp', 'quantity', 'b'],
  // Compute and throughput ("35.4G FLOPs", "550 tokens/s").
  [['FLOPs', 'FLOPS', 'flops', 'FLOP'], 'FLOPs', 'quantity', 'b'],
  [['GFLOPs', 'GFLOPS'], 'GFLOPs', 'quantity', 'b'],
  [['TFLOPs', 'TFLOPS'], 'TFLOPs', 'quantity', 'b'],
  [['PFLOPs', 'PFLOPS'], 'PFLOPs', 'quantity', 'b'],
  [['MFLOPs', 'MFLOPS'], 'MFLOPs', 'quantity', 'b'],
  [['MACs', 'GMACs', 'MACS'], 'MACs', 'quantity', 'b'],
  [['tokens/s', 'tokens/sec', 'token/s', 'tok/s', 'tokens per second', 'tokens/second'], 'tokens/s', 'quantity', 'b'],
  [['fps', 'FPS', 'frames per second', 'frames/s'], 'fps', 'quantity', 'b'],
  [['it/s'], 'it/s', 'quantity', 'b'],
  [['images/s', 'img/s'], 'images/s', 'quantity', 'b'],
  [['samples/s'], 'samples/s', 'quantity', 'b'],
  [['QPS'], 'QPS', 'quantity', 'b'],
  // Length.
  [['nm', 'nanometers', 'nanometres'], 'nm', 'quantity', 'b'],
  [['µm', 'μm', 'um', 'micron', 'microns', 'micrometers', 'micrometres'], 'µm', 'quantity', 'b'],
  [['mm', 'millimeters', 'millimetres'], 'mm', 'quantity', 'b'],
  [['cm', 'centimeters', 'centimetres'], 'cm', 'quantity', 'b'],
  [['m', 'meter', 'meters', 'metre', 'metres'], 'm', 'quantity', 'b'],
  [['km', 'kilometers', 'kilometres'], 'km', 'quantity', 'b'],
  [['Å', 'angstrom', 'angstroms'], 'Å', 'quantity', 'b'],
  [['pc'], 'pc', 'quantity', 'b'],
  [['kpc'], 'kpc', 'quantity', 'b'],
  [['Mpc'], 'Mpc', 'quantity', 'b'],
  [['AU', 'au'], 'AU', 'quantity', 's'],
  [['ft', 'feet'], 'ft', 'quantity', 'b'],
  [['miles', 'mile'], 'mi', 'quantity', 's'],
  [['px', 'pixels', 'pixel'], 'px', 'quantity', 'b'],
  // Mass.
  [['ng'], 'ng', 'quantity', 'b'],
  [['µg', 'μg', 'ug'], 'µg', 'quantity', 'b'],
  [['mg', 'milligrams'], 'mg', 'quantity', 'b'],
  [['g', 'gram', 'grams'], 'g', 'quantity', 'b'],
  [['kg', 'kilograms', 'kilogram'], 'kg', 'quantity', 'b'],
  [['tonnes', 'tons', 'tonne'], 't', 'quantity', 's'],
  [['Gt'], 'Gt', 'quantity', 'b'],
  [['Mt'], 'Mt', 'quantity', 'b'],
  [['Tg'], 'Tg', 'quantity', 'b'],
  [['Pg'], 'Pg', 'quantity', 'b'],
  [['Da'], 'Da', 'quantity', 'b'],
  [['kDa'], 'kDa', 'quantity', 'b'],
  [['lb', 'lbs'], 'lb', 'quantity', 'b'],
  // Volume.
  [['nL'], 'nL', 'quantity', 'b'],
  [['µL', 'μL', 'uL', 'µl', 'μl'], 'µL', 'quantity', 'b'],
  [['mL', 'ml'], 'mL', 'quantity', 'b'],
  [['dL'], 'dL', 'quantity', 'b'],
  [['L', 'liters', 'litres', 'liter', 'litre'], 'L', 'quantity', 's'],
  // Temperature and angle. A spaced "K" is kelvin ("1000 K"); an attached one is a
  // thousand ("6K SFT samples") and is taken as a magnitude before units are tried.
  [['°C', '° C', 'ºC', '℃', '˚C'], '°C', 'quantity', 'b'],
  [['oC'], '°C', 'quantity', 's'],
  [['°F', '℉'], '°F', 'quantity', 'b'],
  [['K', 'kelvin'], 'K', 'quantity', 's'],
  [['°', 'º', '°N', '°S', '°E', '°W', 'deg', 'degrees', 'degree'], '°', 'quantity', 'b'],
  [['rad', 'mrad'], 'rad', 'quantity', 'b'],
  [['arcsec', 'arcmin', 'mas'], 'arcsec', 'quantity', 's'],
  // Energy, power, pressure, frequency, electricity.
  [['eV'], 'eV', 'quantity', 'b'],
  [['meV'], 'meV', 'quantity', 'b'],
  [['keV'], 'keV', 'quantity', 'b'],
  [['MeV'], 'MeV', 'quantity', 'b'],
  [['GeV'], 'GeV', 'quantity', 'b'],
  [['TeV'], 'TeV', 'quantity', 'b'],
  [['J', 'joules'], 'J', 'quantity', 'b'],
  [['mJ'], 'mJ', 'quantity', 'b'],
  [['kJ'], 'kJ', 'quantity', 'b'],
  [['MJ'], 'MJ', 'quantity', 'b'],
  [['GJ'], 'GJ', 'quantity', 'b'],
  [['Wh'], 'Wh', 'quantity', 'b'],
  [['kWh'], 'kWh', 'quantity', 'b'],
  [['MWh'], 'MWh', 'quantity', 'b'],
  [['GWh'], 'GWh', 'quantity', 'b'],
  [['TWh'], 'TWh', 'quantity', 'b'],
  [['cal'], 'cal', 'quantity', 's'],
  [['kcal'], 'kcal', 'quantity', 'b'],
  [['W', 'watts', 'watt'], 'W', 'quantity', 'b'],
  [['mW'], 'mW', 'quantity', 'b'],
  [['µW', 'μW'], 'µW', 'quantity', 'b'],
  [['kW'], 'kW', 'quantity', 'b'],
  [['MW'], 'MW', 'quantity', 'b'],
  [['GW'], 'GW', 'quantity', 'b'],
  [['TW'], 'TW', 'quantity', 'b'],
  [['Pa'], 'Pa', 'quantity', 'b'],
  [['hPa'], 'hPa', 'quantity', 'b'],
  [['kPa'], 'kPa', 'quantity', 'b'],
  [['MPa'], 'MPa', 'quantity', 'b'],
  [['GPa'], 'GPa', 'quantity', 'b'],
  [['bar'], 'bar', 'quantity', 's'],
  [['mbar'], 'mbar', 'quantity', 'b'],
  [['nbar'], 'nbar', 'quantity', 'b'],
  [['µbar', 'μbar'], 'µbar', 'quantity', 'b'],
  [['kbar'], 'kbar', 'quantity', 'b'],
  [['atm'], 'atm', 'quantity', 'b'],
  [['Torr', 'torr'], 'Torr', 'quantity', 'b'],
  [['mmHg'], 'mmHg', 'quantity', 'b'],
  [['psi'], 'psi', 'quantity', 'b'],
  [['Hz'], 'Hz', 'quantity', 'b'],
  [['mHz'], 'mHz', 'quantity', 'b'],
  [['kHz'], 'kHz', 'quantity', 'b'],
  [['MHz'], 'MHz', 'quantity', 'b'],
  [['GHz'], 'GHz', 'quantity', 'b'],
  [['THz'], 'THz', 'quantity', 'b'],
  [['rpm'], 'rpm', 'quantity', 'b'],
  [['V', 'volts'], 'V', 'quantity', 'b'],
  [['mV'], 'mV', 'quantity', 'b'],
  [['µV', 'μV'], 'µV', 'quantity', 'b'],
  [['kV'], 'kV', 'quantity', 'b'],
  [['mA'], 'mA', 'quantity', 'b'],
  [['µA', 'μA'], 'µA', 'quantity', 'b'],
  [['nA'], 'nA', 'quantity', 'b'],
  [['mAh'], 'mAh', 'quantity', 'b'],
  [['Ah'], 'Ah', 'quantity', 'b'],
  [['Ω', 'ohm', 'ohms'], 'Ω', 'quantity', 'b'],
  [['kΩ'], 'kΩ', 'quantity', 'b'],
  [['MΩ'], 'MΩ', 'quantity', 'b'],
  [['µF', 'μF'], 'µF', 'quantity', 'b'],
  [['nF'], 'nF', 'quantity', 'b'],
  [['pF'], 'pF', 'quantity', 'b'],
  [['T', 'tesla'], 'T', 'quantity', 's'],
  [['mT'], 'mT', 'quantity', 'b'],
  [['µT', 'μT'], 'µT', 'quantity', 'b'],
  [['nT'], 'nT', 'quantity', 'b'],
  // Chemistry and radiation. A spaced "M" is molar ("0.5 M NaCl"); "7M" is a magnitude.
  [['mol', 'moles'], 'mol', 'quantity', 'b'],
  [['mmol'], 'mmol', 'quantity', 'b'],
  [['µmol', 'μmol'], 'µmol', 'quantity', 'b'],
  [['nmol'], 'nmol', 'quantity', 'b'],
  [['pmol'], 'pmol', 'quantity', 'b'],
  [['M'], 'M', 'quantity', 's'],
  [['mM'], 'mM', 'quantity', 'b'],
  [['µM', 'μM'], 'µM', 'quantity', 'b'],
  [['nM'], 'nM', 'quantity', 'b'],
  [['pM'], 'pM', 'quantity', 'b'],
  [['ppm', 'ppmv'], 'ppm', 'quantity', 'b'],
  [['ppb', 'ppbv'], 'ppb', 'quantity', 'b'],
  [['ppt', 'pptv'], 'ppt', 'quantity', 'b'],
  [['Bq'], 'Bq', 'quantity', 'b'],
  [['kBq'], 'kBq', 'quantity', 'b'],
  [['MBq'], 'MBq', 'quantity', 'b'],
  [['Gy'], 'Gy', 'quantity', 'b'],
  [['mGy'], 'mGy', 'quantity', 'b'],
  [['Sv'], 'Sv', 'quantity', 's'],
  [['mSv'], 'mSv', 'quantity', 'b'],
  [['µSv', 'μSv'], 'µSv', 'quantity', 'b'],
  [['dB', 'dBm', 'dBA'], 'dB', 'quantity', 'b'],
  [['mag'], 'mag', 'quantity', 's'],
  [['‰', 'permil', 'per mil', 'per mille'], '‰', 'quantity', 'b'],
  [['σ'], 'σ', 'quantity', 'b'],
  [['bpm'], 'bpm', 'quantity', 'b'],
  [['mph'], 'mph', 'quantity', 'b'],
  [['ha', 'hectares'], 'ha', 'quantity', 's'],
  [['acres'], 'acres', 'quantity', 's'],
  [['nt'], 'nt', 'quantity', 's'],
  [['USD', 'dollars', 'dollar'], 'USD', 'quantity', 's'],
];

/** Units that may follow a magnitude suffix ("35.4G FLOPs"); others after "7B" are names. */
export const MAGNITUDE_UNITS = new Set(['FLOPs', 'MACs', 'tokens/s', 'x', 'USD']);

/** A unit surface as a regex source: a space inside it also reads as a no-break space. */
function surfaceRe(s: string): string {
  return escapeRe(s).replace(/ /g, '[ \\u00a0]');
}

const UNIT_BY_SURFACE = new Map<string, UnitInfo>();
const attachedSurfaces: string[] = [];
const spacedSurfaces: string[] = [];
for (const [surfaces, unit, kind, mode] of ROWS) {
  const physical = kind === 'quantity' && !['points', 'orders of magnitude', 'USD', '‰'].includes(unit);
  for (const s of surfaces) {
    UNIT_BY_SURFACE.set(s, { unit, kind, physical });
    if (mode !== 's') attachedSurfaces.push(s);
    if (mode !== 'a') spacedSurfaces.push(s);
  }
}

/** Longest first, so "ms" wins over "m" and "mol" over "m" in an ordered alternation. */
function alternation(list: string[]): string {
  return [...new Set(list)]
    .sort((a, b) => b.length - a.length)
    .map(surfaceRe)
    .join('|');
}

/** Looks a matched surface up (spaces inside it normalised to one ASCII space). */
export function unitInfo(surface: string): UnitInfo | undefined {
  return UNIT_BY_SURFACE.get(surface.replace(/[ \u00a0]+/g, ' '));
}

/**
 * A unit glued to the number ("5ms", "3times", "80GB"). The lookahead forbids a following
 * letter so "3D" or "2nd" never read as units; a following digit is checked by the caller
 * because physical units may carry an exponent ("m2").
 */
export const UNIT_ATTACHED = new RegExp(`(?:${alternation(attachedSurfaces)})(?![A-Za-z])`, 'y');

/** Separators between a number and a spaced unit: space, no-break/thin space, LaTeX "\,". */
const SPACER = '(?:[ \\u00a0\\u2009\\u202f]|\\\\,|\\\\ |\\\\;)';

/** A unit after one separator ("34 °C", "4.58\,\%"); group 1 is the surface. */
export const UNIT_SPACED = new RegExp(`${SPACER}(${alternation(spacedSurfaces)})(?![A-Za-z])`, 'y');

/**
 * A unit after a hyphen, as in compound adjectives: word units ("12-month", "16-bit",
 * "3-fold") and physical symbols of two letters or a few safe single letters ("10-cm",
 * "24-h", "5-m"). "1-D"/"3-D" stay out: D is no unit. Group 1 is the surface.
 */
export const UNIT_HYPHEN = new RegExp(
  `-(${alternation(
    [...UNIT_BY_SURFACE]
      .filter(([surface, i]) => /^[a-z]{3,}$/.test(surface) || (i.physical && (surface.length >= 2 || 'mshgd'.includes(surface))))
      .map(([surface]) => surface),
  )})(?![A-Za-z])`,
  'y',
);

/** Exponent on a physical unit: "m2", "m²", "cm−3", "s-1", "m^2", "m^{-2}". */
export const UNIT_EXPONENT = /(?:\^\{?[-−–]?\d\}?|[-−]\d(?![\d.])|\d(?![\d.])|⁻?[¹²³⁴⁵⁶⁷⁸⁹])/y;

/** A further part of a compound unit ("L" in "mg/L", "s" in "m s−1"): any physical unit. */
export const UNIT_PART = new RegExp(
  `(?:${alternation([...UNIT_BY_SURFACE].filter(([, i]) => i.physical).map(([surface]) => surface))})(?![A-Za-z])`,
  'y',
);

/** A rate: "5–13% per year", "2 mm per yr"; group 1 is the time unit. */
export const PER_TIME =
  /[ \u00a0]per[ \u00a0](year|yr|annum|day|hour|h|second|s|minute|min|month|week|decade|century)(?![A-Za-z])/y;
export const PER_TIME_UNIT: Record<string, string> = {
  year: 'years',
  yr: 'years',
  annum: 'years',
  day: 'days',
  hour: 'h',
  h: 'h',
  second: 's',
  s: 's',
  minute: 'min',
  min: 'min',
  month: 'months',
  week: 'weeks',
  decade: 'decades',
  century: 'centuries',
};

/** Join to a further unit of a compound: "/" freely ("mg/L"), space or "·" only with an exponent. */
export const UNIT_JOIN_SLASH = /\s?\/\s?/y;
export const UNIT_JOIN_SPACE = /[ ·⋅]/y;

/** Every normalised unit a claim can carry (the rows' units and the count nouns'), for checking `--unit`. */
export const KNOWN_UNITS: readonly string[] = [...new Set([...ROWS.map((r) => r[1]), 'tokens', 'examples', 'parameters'])];
