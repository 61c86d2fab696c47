// Starts the trainer's worker (its own wasm core) before the first run needs
// it: at once when the page opens at a Fashion-MNIST section, else when one of
// them comes within a screen of the viewport. A visitor who never gets near
// the trainer never pays for a second copy of the core.
import { trainerSections } from '../sections/trainer.js';
import { prewarmWorker } from '../trainer/spawn.js';

const TRAINER_IDS = new Set(trainerSections().map((section) => section.id));

/** Call at the start of the boot. -> {whenNear()}: call once the sections are mounted. */
export function warmTrainer() {
  if (TRAINER_IDS.has(location.hash.slice(1))) prewarmWorker();  // ids are plain ASCII: no decoding
  return {
    whenNear() {
      if (typeof IntersectionObserver !== 'function') return;
      const observer = new IntersectionObserver((entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        prewarmWorker();
      }, { rootMargin: '100% 0px' });
      for (const id of TRAINER_IDS) {
        const element = document.getElementById(id);
        if (element) observer.observe(element);
      }
    },
  };
}
