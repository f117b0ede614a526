import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  // Built from the repository root (`vite build --config renderer/vite.config.ts`) but rooted here.
  root: import.meta.dirname,
  // Relative URLs: the same build is loaded from a file (Electron) and from the browser shell.
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Fonts stay files rather than data: URLs, so the CSP can keep font-src to 'self'.
    assetsInlineLimit: 0,
  },
  // common/ lives beside renderer/, outside Vite's root (relative to root).
  server: { fs: { allow: ['..'] } },
});
