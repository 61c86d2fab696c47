// Strings for language switch, offline, hosting (web/src/main.js, web/src/offline), in ko. en.js / ko.js include it as `offline`.
export default {
  language: '언어',
  updated: '실험실의 새 버전이 설치되었습니다.',
  reload: '새로 고침해서 사용하기',
};
