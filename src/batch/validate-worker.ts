/** Validation worker (worker thread) for `kehoach validate` over many files: a chunk of files in, their checks out. */
import { checkFile } from './validate.js';
import type { Lang } from '../i18n/messages.js';

export interface ValidateTask { files: string[]; lang: Lang; templatesDir?: string }

export default async function run(task: ValidateTask) {
  const out = [];
  for (const file of task.files) out.push(await checkFile(file, { lang: task.lang, file, ...(task.templatesDir ? { templatesDir: task.templatesDir } : {}) }));
  return out;
}
