/**
 * The public verification page (`/verify/<id>`, the address in every document's QR code): server-rendered HTML
 * in Kazakh and Russian, saying what the document is — kind, case number, date, language, whether it is the
 * latest version — and nothing personal (no names, ИИН, addresses, amounts). A form on it takes a PDF to check.
 */
import type { VerifiedDocument } from './documents.service';

export interface VerifyPageInput {
  /** What was asked: a short id, an uploaded file, or nothing yet (the form alone). */
  asked: { by: 'id'; id: string } | { by: 'file'; sha256: string } | null;
  found: VerifiedDocument | null;
  /** A problem with the upload, in both languages. */
  error?: { kk: string; ru: string } | null;
  titles: { kk: Record<string, string>; ru: Record<string, string> };
  maxUploadMb: number;
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const ddmmyyyy = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;

const LANG_NAME = {
  kk: { kk: 'қазақ тілінде', ru: 'орыс тілінде' },
  ru: { kk: 'на казахском языке', ru: 'на русском языке' },
};

function answer(lang: 'kk' | 'ru', input: VerifyPageInput): string {
  const ru = lang === 'ru';
  const { found, asked } = input;
  if (input.error) return `<p class="bad">${esc(input.error[lang])}</p>`;
  if (!asked) return '';
  if (!found) {
    if (asked.by === 'id')
      return `<p class="bad">${
        ru
          ? `Документ с идентификатором ${esc(asked.id)} сервисом не выдавался. Проверьте, правильно ли набран идентификатор.`
          : `${esc(asked.id)} сәйкестендіргіші бар құжатты сервис бермеген. Сәйкестендіргіштің дұрыс терілгенін тексеріңіз.`
      }</p>`;
    return `<p class="bad">${
      ru
        ? 'Файл не признан: сервис не выдавал файла с такой контрольной суммой (SHA-256). Файл изменён или не является документом сервиса.'
        : 'Файл танылмады: сервис мұндай бақылау сомасы (SHA-256) бар файл бермеген. Файл өзгертілген немесе сервистің құжаты емес.'
    }</p><p class="hash">SHA-256: ${esc(asked.sha256)}</p>`;
  }
  const title = input.titles[lang][found.kind] ?? found.kind;
  const rows: [string, string][] = [
    [ru ? 'Документ' : 'Құжат', esc(title)],
    [ru ? 'Дело №' : 'Іс №', esc(found.caseNumber)],
    [
      ru ? 'Дата документа' : 'Құжаттың күні',
      found.documentDate
        ? esc(ddmmyyyy(found.documentDate)) +
          (found.issue === 'dated' ? (ru ? ' (по состоянию на эту дату)' : ' (осы күнгі жағдай бойынша)') : '')
        : '—',
    ],
    [ru ? 'Выдан' : 'Берілген уақыты', esc(found.issuedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC'))],
    [ru ? 'Язык' : 'Тілі', LANG_NAME[lang][found.lang as 'kk' | 'ru'] ?? esc(found.lang)],
    [ru ? 'Формат' : 'Пішімі', esc(found.format.toUpperCase())],
  ];
  if (found.docId) rows.unshift([ru ? 'Идентификатор' : 'Сәйкестендіргіш', `<b>${esc(found.docId)}</b>`]);
  const latest = found.latest
    ? `<p class="ok">${ru ? 'Это последняя редакция документа.' : 'Бұл құжаттың соңғы редакциясы.'}</p>`
    : `<p class="warn">${
        ru
          ? 'Есть более поздняя редакция этого документа (переоформление или исправление): запросите актуальную.'
          : 'Бұл құжаттың кейінірек редакциясы бар (қайта ресімделген немесе түзетілген): өзектісін сұратыңыз.'
      }</p>`;
  const how =
    asked.by === 'file'
      ? ru
        ? 'Файл признан: он выдан сервисом и не изменён.'
        : 'Файл танылды: оны сервис берген және ол өзгертілмеген.'
      : ru
        ? 'Документ с этим идентификатором выдан сервисом. Сверьте печатный экземпляр с этими сведениями.'
        : 'Осы сәйкестендіргіші бар құжатты сервис берген. Қағаз данасын осы мәліметтермен салыстырыңыз.';
  return (
    `<p class="ok">${how}</p><table>${rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</table>` +
    latest
  );
}

export function verifyPage(input: VerifyPageInput): string {
  const form = (lang: 'kk' | 'ru') =>
    lang === 'ru'
      ? `<p class="small">Проверить электронную копию: выберите файл PDF (не более ${input.maxUploadMb} МБ) — он будет признан, только если не изменён ни на один байт.</p>`
      : `<p class="small">Электрондық көшірмені тексеру: PDF файлын таңдаңыз (${input.maxUploadMb} МБ-тан аспайтын) — ол бір байт та өзгертілмеген болса ғана танылады.</p>`;
  return `<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Құжатты тексеру · Проверка документа</title>
<style>
  body { font-family: 'DejaVu Sans', sans-serif; max-width: 46rem; margin: 1.5rem auto; padding: 0 1rem; color: #111; line-height: 1.45; }
  h1 { font-size: 1.25rem; } h2 { font-size: 1.05rem; margin-top: 1.5rem; border-bottom: 1px solid #ccc; }
  table { border-collapse: collapse; } th { text-align: left; font-weight: normal; color: #444; padding: 2px 12px 2px 0; vertical-align: top; }
  .ok { color: #135e1c; } .warn { color: #8a4b00; font-weight: bold; } .bad { color: #a40000; font-weight: bold; }
  .small { font-size: 0.85rem; color: #333; } .hash { font-family: monospace; font-size: 0.8rem; word-break: break-all; }
  form { margin-top: 1.5rem; padding-top: 0.5rem; border-top: 1px solid #ccc; }
</style>
</head>
<body>
<h1>Құжатты тексеру · Проверка документа</h1>
<section lang="kk"><h2>Қазақша</h2>${answer('kk', input)}</section>
<section lang="ru"><h2>По-русски</h2>${answer('ru', input)}</section>
<form method="post" action="/verify" enctype="multipart/form-data">
${form('kk')}${form('ru')}
<input type="file" name="file" accept="application/pdf,.pdf" required>
<button type="submit">Тексеру · Проверить</button>
</form>
</body>
</html>
`;
}
