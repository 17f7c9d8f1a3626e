/** A typed array at least `min` long: `a` itself, or a copy at least twice as long. */
export function grow<T extends Int32Array | Uint8Array | Uint16Array | Int8Array>(a: T, min: number): T {
  if (a.length >= min) return a;
  let n = Math.max(16, a.length * 2);
  while (n < min) n *= 2;
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}
