// Strings for URL state of every section and its notices (web/src/state, web/src/sections), in ko. en.js / ko.js include it as `state`.
export default {
  notice: {
    titleIgnored: (n) => `이 링크에는 실험실에서 쓸 수 없는 설정이 ${n}개 있어 기본값으로 되돌렸습니다. 링크의 나머지 설정은 모두 복원했습니다.`,
    titleInfo: '이 링크의 설정을 복원했습니다. 참고할 점:',
    unknown: (key) => `"${key}": 이 실험실에 없는 설정입니다(무시함).`,
    type: (key, raw, expected) => `${key}: "${raw}" — ${expected} 아닙니다.`,
    range: (key, raw, limits) => `${key}: ${raw} — 허용 범위 ${limits} 밖의 값입니다.`,
    choice: (key, raw, limits) => `${key}: "${raw}" — 허용되는 값(${limits})이 아닙니다.`,
    length: (key, limits) => `${key}: ${limits}자보다 깁니다.`,
    list: (key, raw, count, range) => `${key}: "${raw}" — ${range} 범위의 정수 1~${count}개가 아닙니다.`,
    encoding: (key, raw) => `${key}: "${raw}" — 올바른 퍼센트 인코딩이 아닙니다.`,
    encodingKey: (raw) => `"${raw}": 올바른 퍼센트 인코딩이 아닙니다(무시함).`,
    version: (got, current) => `다른 버전의 실험실에서 만든 링크입니다(v=${got}, 이 페이지는 v=${current}). 설정을 하나씩 확인해 아직 유효한 것은 그대로 두었습니다.`,
    legacy: '플레이그라운드의 예전 링크 형식(?playground=…)입니다. 설정은 그대로 읽었고, 주소는 이제 새 형식으로 바뀝니다.',
    upload: '업로드한 CSV 파일로 만든 링크입니다. 업로드한 파일은 그 파일을 연 브라우저 밖으로 나가지 않으므로, 대신 내장된 와인 데이터를 보여 줍니다.',
    expected: {
      number: '숫자가',
      integer: '정수가',
      flag: '0이나 1이',
      pnorm: '1 이상의 숫자나 inf가',
      integers: '정수 목록이',
    },
    dismiss: '닫기',
    label: '이 링크에 대하여',
  },
  // 4절에서 사용자가 올린 CSV 파일 (web/src/sections/wine/own_csv.js).
  csv: {
    features: '특성 열',
    noFeatures: '특성 열을 하나 이상 고르세요',
    tooBig: (size, max) => `파일 크기가 ${size} MB입니다. 이 페이지는 ${max} MB까지의 CSV 파일을 읽습니다(더 큰 파일은 reglab 명령으로: reglab regress --data FILE)`,
    tooFewColumns: (numeric, reasons) => `타깃과 특성을 하나 이상 고르려면 숫자 열이 두 개 필요하지만, ${numeric.length ? `숫자 열은 '${numeric[0]}' 하나뿐입니다` : '숫자 열이 없습니다'}${reasons.length ? `: ${reasons.join('; ')}` : ''}`,
    moreColumns: (n) => `외 ${n}개 열`,
    skipped: (reasons) => `모두 숫자가 아니어서 타깃이나 특성으로 쓸 수 없는 열: ${reasons.join('; ')}.`,
  },
};
