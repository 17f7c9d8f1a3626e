/**
 * Umbrella names over several method families: `--method peft` means any parameter-efficient
 * family, the grouping the PEFT library uses (full fine-tuning, SFT, RL, distillation, merging,
 * quantization and pruning are not in it).
 */
export const UMBRELLAS: Readonly<Record<string, readonly string[]>> = {
  peft: [
    'lora',
    'adapter',
    'prefix-tuning',
    'prompt-tuning',
    'ia3',
    'bitfit',
    'ssf',
    'oft',
    'ln-tuning',
    'side-tuning',
    'spectral',
    'sparse-fine-tuning',
  ],
};

/** The families an umbrella name covers ("peft", "PEFT", "parameter-efficient"), or null. */
export function umbrellaFamilies(name: string): readonly string[] | null {
  const k = name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if (k === 'peft' || k === 'petl' || k === 'parameter-efficient' || k === 'parameter-efficient-fine-tuning')
    return UMBRELLAS.peft!;
  return UMBRELLAS[k] ?? null;
}
