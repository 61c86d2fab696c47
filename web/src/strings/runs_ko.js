// Strings for the trainer's saved runs, exports, imports, faults (web/src/trainer), in ko. en.js / ko.js include it as `runs`.
const n = (x) => x.toLocaleString('ko-KR');
const pct = (x) => `${(100 * x).toLocaleString('ko-KR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`;

export default {
  filesHead: '파일',
  json: 'JSON',
  csv: 'CSV',
  model: '모델',
  forget: '삭제',
  jsonLabel: (run) => `${run}을(를) JSON으로 내려받기 (설정, 시드, 에포크별 지표)`,
  csvLabel: (run) => `${run}을(를) CSV로 내려받기 (에포크마다 한 줄)`,
  modelLabel: (run) => `${run}의 학습된 모델 내려받기 (reglab evaluate --model 또는 이 페이지에서 불러오기용)`,
  noModel: (run) => `${run}의 모델은 보관되지 않았습니다`,
  forgetLabel: (run) => `${run}을(를) 이 페이지와 브라우저 저장소에서 삭제`,
  source: { saved: '이전 방문', imported: '가져옴' },

  filesTitle: '실행과 모델을 파일로',
  filesLead: '끝난 실행은 이 브라우저에 보관되어 페이지를 새로 고쳐도 다시 나타납니다. 각 실행은 JSON(설정, 시드, 에포크별 지표)이나 CSV(에포크마다 한 줄)로 내려받을 수 있고, JSON 파일은 이 컴퓨터나 다른 컴퓨터에서 다시 가져올 수 있습니다. 학습된 모델은 `reglab evaluate --model`이 읽는 파일로 내려받아 이곳에서 다시 불러올 수 있습니다.',
  importLabel: '실행 가져오기 (JSON 파일)',
  imported: (name) => `${name}을(를) 가져왔습니다. 표와 차트에 추가되었습니다.`,
  refused: (message) => `가져오지 않았습니다: ${message}. 다른 것은 바뀌지 않았습니다.`,
  storage: {
    opening: '브라우저 저장소를 여는 중…',
    ok: (restored, skipped) => `끝난 실행은 이 브라우저에 보관됩니다${restored ? ` (이전 방문에서 ${n(restored)}개 복원)` : ''}.${skipped ? ` 다른 버전의 페이지가 저장한 ${n(skipped)}개는 읽을 수 없었습니다.` : ''}`,
    off: '이곳에서는 새로 고치면 실행이 보관되지 않습니다.',
    full: '이 사이트의 브라우저 저장 공간이 가득 찼습니다. 마지막 실행은 모델 없이 보관했습니다 (모델을 보관하려면 내려받으세요).',
    failed: (message) => `새로 고치면 실행이 보관되지 않습니다: ${message}. 다른 기능은 모두 동작합니다. 실행을 보관하려면 JSON으로 내려받으세요.`,
  },
  clear: '저장된 실행 모두 삭제',

  modelTitle: '모델 파일 불러오기',
  modelHelp: '이곳에서 내려받았거나 `reglab train --save`로 저장한 모델입니다. 형식, 버전, 체크섬, 구조를 확인한 뒤 불러온 테스트 이미지로 평가합니다. 기존 실행은 그대로 남습니다.',
  modelInput: '모델 파일',
  modelLoading: '모델을 확인하는 중…',
  modelLoaded: ({ name, arch, divisor, parameters, accuracy, loss, count }) =>
    `${name}: ${arch} 신경망 (입력 / ${divisor}, 가중치 ${n(parameters)}개). 테스트 정확도 ${pct(accuracy)} (테스트 이미지 ${n(count)}장에서 손실 ${loss.toFixed(4)}).`,
  modelNoTest: (name, arch) => `${name}: ${arch} 신경망. 평가하려면 테스트 이미지가 있는 데이터를 불러오세요.`,
  modelRefused: (name, message) => `${name}을(를) 불러오지 못했습니다: ${message}. 다른 것은 바뀌지 않았습니다.`,
  batchnorm: '배치 정규화 포함',

  diverged: ({ epoch, batch, lr, lower }) =>
    `에포크 ${n(epoch)}, 배치 ${n(batch)}에서 학습이 발산했습니다. 손실이 NaN 또는 무한대가 되어 그 자리에서 학습을 멈췄습니다. 그때까지의 곡선은 남아 있습니다. 학습률을 낮춰 보세요 (이번 실행은 ${lr}, 예: ${lower}).`,
  workerReplaced: (message) => `학습 워커가 멈췄습니다: ${message}. 새 워커로 바꾸었습니다. 끝난 실행은 그대로 남아 있고, 실행을 시작하면 데이터를 다시 불러옵니다.`,
  outOfMemory: '메모리가 부족했습니다. 은닉층의 수나 크기, 또는 배치 크기를 줄여 보세요.',
  dataKept: (name, message) => `${name}을(를) 불러오지 못했습니다: ${message}. 이전에 불러온 데이터를 계속 사용합니다.`,
};
