// web/src/ui/format.js prints numbers with the page's locale (Intl.NumberFormat):
// English and Korean print the post's digits the same way; the locale really
// is used (a German one would print a decimal comma).
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import * as fmt from '../../web/src/ui/format.js';

afterEach(() => fmt.useLocale('en-US'));

test('en-US and ko-KR print the post\'s digits alike', () => {
  for (const locale of ['en-US', 'ko-KR']) {
    fmt.useLocale(locale);
    assert.equal(fmt.currentLocale(), locale);
    assert.equal(fmt.fixed(0.25128973939722626, 6), '0.251290', locale);   // the post's OLS MAE, 6 digits
    assert.equal(fmt.fixed(0.24233731936122138, 6), '0.242337', locale);   // the post's Lasso MAE
    assert.equal(fmt.fixed(1.0000000001), '1.00', locale);
    assert.equal(fmt.fixed(-0.0001, 2), '-0.00', locale);                 // as toFixed prints it
    assert.equal(fmt.fixed(-0, 2), '0.00', locale);
    assert.equal(fmt.fixed(2.675, 2), '2.67', locale);                    // the double's exact value, as Python prints it
    assert.equal(fmt.fixed(1234.5678, 2), '1234.57', locale, 'no grouping in fixed columns');
    assert.equal(fmt.fixed(NaN), 'NaN', locale);
    assert.equal(fmt.fixed(Infinity), 'Infinity', locale);
    assert.equal(fmt.count(60000), '60,000', locale);
    assert.equal(fmt.ms(3.14159), '3.14', locale);
    assert.equal(fmt.ms(123.4), '123', locale);
    assert.equal(fmt.full(0.25128973939722626), '0.25128973939722626', locale);
  }
});

test('fixed() gives toFixed\'s digits', () => {
  fmt.useLocale('ko-KR');
  for (const x of [0.125, 2.675, -1.005, 123.456789, 1e-7, -3.5, 0.5, 1.5, 2.5]) {
    for (const digits of [0, 2, 6]) assert.equal(fmt.fixed(x, digits), x.toFixed(digits), `${x} to ${digits}`);
  }
});

test('the locale is used: de-DE prints a decimal comma and dot grouping', () => {
  fmt.useLocale('de-DE');
  assert.equal(fmt.fixed(0.25128973939722626, 6), '0,251290');
  assert.equal(fmt.count(60000), '60.000');
});
