// A photo from the camera or the gallery, made smaller in the browser before it is sent: a phone's 4000-pixel picture
// of several MB becomes a JPEG of at most MaxSide pixels a side, drawn upright (EXIF orientation applied) on a canvas,
// which also leaves its metadata behind. The server removes any metadata again, whatever app sends a photo.
const MaxSide = 1600;
const Quality = 0.85;

/** The shrunk JPEG and its size, or null when the browser cannot read the file as a picture. */
export async function shrink(file) {
  let bitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return null;
  }

  const scale = Math.min(1, MaxSide / Math.max(bitmap.width, bitmap.height));
  const width = Math.round(bitmap.width * scale);
  const height = Math.round(bitmap.height * scale);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d').drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const blob = await new Promise(resolve => canvas.toBlob(resolve, 'image/jpeg', Quality));
  return blob ? { blob, width, height } : null;
}
