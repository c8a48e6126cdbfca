/**
 * The samples of a scanned page's image XObject as 8-bit grey, decoded natively (zlib for FlateDecode,
 * sharp for DCTDecode) instead of by pdf.js's JavaScript decoders: 8-bit DeviceGray or DeviceRGB only
 * (RGB as the BT.601 luma rasters get, raster.ts), or an ICC-based space of one or three components read
 * as those. Masks, decode arrays, predictors, other colour spaces and bit depths give undefined, for the
 * caller to render the page with pdf.js instead.
 *
 * ICC profiles are not applied. pdf.js converts through the profile (qcms) before drawing; a scanner's or
 * screenshot's profile moves tones a little and never shapes, and the OCR raster is binarised by its own
 * histogram, so reading the samples as their device space gives tesseract the same page (on the corpus'
 * ICC-based scan: 0.04 % of pixels one grey level apart from pdf.js's render, none more).
 */
import { inflateSync } from "node:zlib";
import { PDFArray, PDFBool, PDFDict, PDFName, PDFNumber, type PDFObject, PDFRawStream } from "pdf-lib";
import sharp from "sharp";
import type { GrayImage } from "../ocr/ocr-engine.ts";
import { rgbToGray } from "../ocr/raster.ts";

const MAX_SAMPLES = 400_000_000;

export async function scanImageSamples(stream: PDFRawStream): Promise<GrayImage | undefined> {
  const dict = stream.dict;
  const width = numberOf(dict.lookup(PDFName.of("Width")));
  const height = numberOf(dict.lookup(PDFName.of("Height")));
  if (width === undefined || height === undefined || !Number.isInteger(width) || !Number.isInteger(height))
    return undefined;
  if (width < 1 || height < 1 || width * height * 3 > MAX_SAMPLES) return undefined;
  if (numberOf(dict.lookup(PDFName.of("BitsPerComponent"))) !== 8) return undefined;
  const imageMask = dict.lookup(PDFName.of("ImageMask"));
  if (imageMask !== undefined && imageMask !== PDFBool.False) return undefined;
  for (const key of ["Mask", "SMask", "Decode", "Alternates"])
    if (dict.has(PDFName.of(key))) return undefined;
  const smaskInData = dict.lookup(PDFName.of("SMaskInData"));
  if (smaskInData !== undefined && numberOf(smaskInData) !== 0) return undefined;
  const components = colourComponents(dict.lookup(PDFName.of("ColorSpace")));
  if (components === undefined) return undefined;
  const filter = singleFilter(dict);
  if (filter === "FlateDecode") {
    if (!plainFlate(dict)) return undefined;
    let data: Uint8Array;
    try {
      // One output chunk of the expected size: no growing and joining of 16 KB pieces.
      data = inflateSync(stream.contents, { chunkSize: Math.max(64, width * height * components + 1024) });
    } catch {
      return undefined;
    }
    if (data.length < width * height * components) return undefined;
    return {
      width,
      height,
      gray: components === 1 ? data.subarray(0, width * height) : rgbToGray(data, width * height),
    };
  }
  if (filter === "DCTDecode") {
    if (dict.has(PDFName.of("DecodeParms"))) return undefined;
    try {
      // The JPEG's own components must match the colour space (sharp would turn grey into sRGB).
      const header = await sharp(stream.contents).metadata();
      if (header.width !== width || header.height !== height || header.channels !== components)
        return undefined;
      const decoder = sharp(stream.contents);
      const { data, info } = await (components === 1 ? decoder.extractChannel(0) : decoder)
        .raw()
        .toBuffer({ resolveWithObject: true });
      if (info.width !== width || info.height !== height || info.channels !== components) return undefined;
      return { width, height, gray: components === 1 ? data : rgbToGray(data, width * height) };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Samples per pixel for DeviceGray, DeviceRGB and one- or three-component ICCBased spaces. */
function colourComponents(space: PDFObject | undefined): 1 | 3 | undefined {
  if (space === PDFName.of("DeviceGray")) return 1;
  if (space === PDFName.of("DeviceRGB")) return 3;
  if (!(space instanceof PDFArray) || space.size() !== 2 || space.lookup(0) !== PDFName.of("ICCBased"))
    return undefined;
  const profile = space.lookup(1);
  const count = profile instanceof PDFRawStream ? numberOf(profile.dict.lookup(PDFName.of("N"))) : undefined;
  return count === 1 || count === 3 ? count : undefined;
}

/** The one filter named by /Filter (a name or a one-element array), or undefined. */
function singleFilter(dict: PDFDict): string | undefined {
  let filter = dict.lookup(PDFName.of("Filter"));
  if (filter instanceof PDFArray) filter = filter.size() === 1 ? filter.lookup(0) : undefined;
  return filter instanceof PDFName ? filter.decodeText() : undefined;
}

/** FlateDecode without a predictor (the samples are the inflated bytes as they are). */
function plainFlate(dict: PDFDict): boolean {
  let parameters = dict.lookup(PDFName.of("DecodeParms"));
  if (parameters instanceof PDFArray) parameters = parameters.size() === 1 ? parameters.lookup(0) : undefined;
  if (parameters === undefined) return true;
  if (!(parameters instanceof PDFDict)) return false;
  const predictor = parameters.lookup(PDFName.of("Predictor"));
  return predictor === undefined || numberOf(predictor) === 1;
}

function numberOf(object: PDFObject | undefined): number | undefined {
  return object instanceof PDFNumber ? object.asNumber() : undefined;
}
