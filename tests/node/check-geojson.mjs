// check-geojson.mjs: validates a GeoJSON file with @placemarkio/check-geojson, an independent
// RFC 7946 checker. Exit 0 when it finds no issue; prints the issues and exits 1 otherwise.
import { readFileSync } from "node:fs";
import { getIssues } from "@placemarkio/check-geojson";

const file = process.argv[2];
if (!file) {
  console.error("usage: node check-geojson.mjs FILE.geojson");
  process.exit(2);
}
const issues = getIssues(readFileSync(file, "utf8"));
if (issues.length > 0) {
  for (const i of issues.slice(0, 20)) console.error(`${file}: ${i.message} (${i.from}-${i.to})`);
  process.exit(1);
}
console.log(`${file}: valid GeoJSON`);
