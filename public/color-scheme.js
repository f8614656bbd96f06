/* global document, matchMedia -- a classic script in the browser */
// Before the first paint: the remembered colour scheme (the user menu's Theme), else the system's,
// so a dark page never flashes white. A file of its own: the CSP allows no inline script.
// Mantine's ColorSchemeScript does the same; keep the key in step with src/main.tsx.
try {
  var chosen = localStorage.getItem('mantine-color-scheme-value');
  var scheme =
    chosen === 'light' || chosen === 'dark'
      ? chosen
      : matchMedia('(prefers-color-scheme: dark)').matches
        ? 'dark'
        : 'light';
  document.documentElement.setAttribute('data-mantine-color-scheme', scheme);
} catch {
  // Storage refused: Mantine decides once it runs; the CSS follows the system meanwhile.
}
