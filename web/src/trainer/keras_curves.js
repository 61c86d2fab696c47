// The post's own per-epoch Keras numbers (data/keras_curves.csv): one curve
// per run, for the overlays. The CSV is bundled as text by Vite (?raw).
import text from '../../../data/keras_curves.csv?raw';

/**
 * CSV text (experiment,epoch,steps_per_epoch,loss,accuracy,val_loss,
 * val_accuracy) -> Map(experiment id -> [{epoch, loss, accuracy, val_loss,
 * val_accuracy}]) with val_* null where the run had no validation.
 */
export function parseKerasCurves(csv) {
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  const keys = header.split(',');
  const curves = new Map();
  for (const line of lines) {
    const cells = line.split(',');
    const row = Object.fromEntries(keys.map((k, i) => [k, cells[i]]));
    const num = (k) => (row[k] === '' || row[k] === undefined ? null : Number(row[k]));
    if (!curves.has(row.experiment)) curves.set(row.experiment, []);
    curves.get(row.experiment).push({
      epoch: Number(row.epoch),
      loss: num('loss'),
      accuracy: num('accuracy'),
      val_loss: num('val_loss'),
      val_accuracy: num('val_accuracy'),
    });
  }
  return curves;
}

export const KERAS_CURVES = parseKerasCurves(text);
