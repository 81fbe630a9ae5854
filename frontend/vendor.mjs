// Copies the front-end packages that Lämpiö serves into lampio/static/vendor, each with its licence.
// Nothing is ever loaded from a CDN: run `npm ci && npm run vendor` (the Makefile does).
import { cpSync, mkdirSync, rmSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, "..", "lampio", "static", "vendor");

const packages = {
  "htmx.org": ["dist/htmx.min.js", "LICENSE"],
  "axe-core": ["axe.min.js", "LICENSE", "LICENSE-3RD-PARTY.txt"],
  // The source maps too: the scripts name them, and `collectstatic` with hashed names (production)
  // fails on a reference to a missing file.
  leaflet: ["dist/leaflet.js", "dist/leaflet.js.map", "dist/leaflet.css", "dist/images", "LICENSE"],
  "hls.js": ["dist/hls.light.min.js", "dist/hls.light.min.js.map", "LICENSE"],
};

rmSync(target, { recursive: true, force: true });
const manifest = {};
for (const [name, files] of Object.entries(packages)) {
  const source = join(here, "node_modules", name);
  const version = JSON.parse(readFileSync(join(source, "package.json"), "utf8")).version;
  const out = join(target, name);
  mkdirSync(out, { recursive: true });
  for (const file of files) {
    cpSync(join(source, file), join(out, file.replace(/^dist\//, "")), { recursive: true });
  }
  manifest[name] = version;
}
writeFileSync(join(target, "versions.json"), JSON.stringify(manifest, null, 2) + "\n");
console.log(`vendored ${Object.keys(manifest).length} packages into ${target}`);
