// Saves a Blob as a file through a temporary <a download> link.

export function downloadBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once click() returns; revoke a little later for older engines.
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * A file name from a title: letters and digits of any script kept, anything
 * else one hyphen ("L1 ball: w₁ / w₂" -> "l1-ball-w1-w2").
 */
export function fileSlug(text, fallback = 'chart') {
  const slug = String(text ?? '').normalize('NFKC').toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80);
  return slug || fallback;
}
