// The moment the first screen is on the page (the welcome page, the lock screen, or the shell around the page
// asked for). What that screen does not need (the sync engine; on a new device, the shell's code) starts after
// it rather than beside it: on a 2-core laptop they shared the core of the first render, and a new device's
// welcome page waited for the sync engine's schemas to run.

/** Should nothing say the first screen is shown (an error page), what waits for it starts after this long. */
const FALLBACK_MS = 3_000;

let shown: () => void = () => undefined;

/** Resolves once the first screen has rendered, or after FALLBACK_MS. */
export const firstScreenShown = new Promise<void>((resolve) => {
  shown = resolve;
  setTimeout(resolve, FALLBACK_MS);
});

/** Called by what renders the first screen, once it is on the page; later calls do nothing. */
export function markFirstScreen(): void {
  shown();
}
