// An export of a whole list as the person sees it: the button's spinner at once, and for an export that
// lasts, a window with what it is doing (reading, then rows written of all), a bar and Cancel. The file is
// made in the export worker (workers/exportClient.ts); Cancel ends it and nothing is saved.
import { App } from 'antd';
import { useCallback, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../i18n/errors';
import { platform } from '../platform';
import { exportInWorker, type ExportProgress, type ExportRequest } from '../workers/exportClient';
import { isCancelled } from '../workers/task';
import { useWork } from './useWork';
import { WorkModal } from './WorkModal';

const XLSX = [{ name: 'Excel', extensions: ['xlsx'] }];

export interface ExportFile {
  /** The save dialog's title. */
  title: string;
  suggestedName: string;
}

export interface Exporting {
  /** Makes the file in the worker and offers to save it; one export at a time. */
  run(request: ExportRequest, file: ExportFile): void;
  /** Whether an export is under way (its button shows a spinner). */
  busy: boolean;
  /** The progress window, to render once in the page. */
  view: ReactNode;
}

/**
 * The progress of the export under way, held apart from the page: each report re-renders the progress window
 * only, not the page that offers the export (申报筛查's, with its ranking, took 110–190 ms a report).
 */
class ProgressStore {
  private value: ExportProgress | null = null;
  private readonly listeners = new Set<() => void>();
  readonly get = (): ExportProgress | null => this.value;
  readonly set = (value: ExportProgress | null): void => {
    this.value = value;
    this.listeners.forEach((l) => l());
  };
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

function ExportModal({ store, onCancel }: { store: ProgressStore; onCancel: () => void }) {
  const { t } = useTranslation();
  const progress = useSyncExternalStore(store.subscribe, store.get);
  return (
    <WorkModal
      busy={progress !== null}
      testId="export-progress"
      title={t('export.title')}
      percent={progress?.stage === 'write' && progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : null}
      text={progress?.stage === 'write' ? t('export.writing', { done: progress.done, total: progress.total }) : t('export.reading')}
      cancelLabel={t('export.cancel')}
      onCancel={onCancel}
    />
  );
}

export function useExport(): Exporting {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const working = useWork();
  const store = useMemo(() => new ProgressStore(), []);
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    (request: ExportRequest, file: ExportFile) => {
      if (busy) return;
      const signal = working.start();
      setBusy(true);
      store.set({ stage: 'read' });
      void exportInWorker(request, { signal, onProgress: store.set })
        .then(async (data) => {
          store.set(null);
          if (await platform.saveFile({ ...file, filters: XLSX, data })) message.success(t('common.saved'));
        })
        .catch((e: unknown) => {
          // Leaving the page ends the export quietly: nobody is there to read "cancelled".
          if (isCancelled(e)) {
            if (working.isCurrent(signal)) message.info(t('export.cancelled'));
          } else message.error(describeError(t, e));
        })
        .finally(() => {
          working.end(signal);
          store.set(null);
          setBusy(false);
        });
    },
    [busy, working, store, message, t],
  );

  const view = <ExportModal store={store} onCancel={working.cancel} />;
  return { run, busy, view };
}
