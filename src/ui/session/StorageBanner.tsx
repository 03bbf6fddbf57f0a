import { saveJson } from '../download';
import type { SaveStatus } from '../state/saver';
import type { Session } from '../state/session';

interface BannerProps {
  session: Session;
  status: SaveStatus;
  notice: string | null;
  dismiss: () => void;
}

/** Whenever the work is not safely saved: storage unavailable, a save refused, another tab's edit; and a start-up notice. */
export function StorageBanner({ session, status, notice, dismiss }: BannerProps) {
  const downloadCurrent = () => {
    const raw = (status.kind === 'failed' && status.record ? status.record : session.current()).raw;
    saveJson(String(raw.name), raw);
  };
  const download = (
    <button type="button" id="download-unsaved" onClick={downloadCurrent}>
      Download this scenario (JSON)
    </button>
  );
  const empty = !notice && status.kind === 'saved';
  return (
    <div class="storage-banner" id="storage-banner" role="alert" hidden={empty}>
      {notice && <p id="link-notice">{notice}</p>}
      {notice && (
        <button type="button" id="dismiss-notice" onClick={dismiss}>
          Dismiss
        </button>
      )}
      {status.kind === 'memory' && (
        <>
          <p>{`Your browser does not allow saving here (${status.reason}): scenarios are kept in this tab only and are lost when it closes. Download them to keep them.`}</p>
          {download}
        </>
      )}
      {status.kind === 'failed' && (
        <>
          <p>{`Your last edit could not be saved (${status.message}). It is kept in this tab; download it, or free some space and retry.`}</p>
          {download}
          <button type="button" id="retry-save" onClick={() => session.retry()}>
            Retry saving
          </button>
        </>
      )}
      {status.kind === 'conflict' && (
        <>
          <p>{`"${String(status.theirs.raw.name)}" was changed in another tab since this tab last saved it. Which version do you keep?`}</p>
          <button type="button" id="keep-mine" onClick={() => session.resolve('mine')}>
            Keep this tab’s version
          </button>
          <button type="button" id="take-theirs" onClick={() => session.resolve('theirs')}>
            Take the other tab’s version
          </button>
        </>
      )}
    </div>
  );
}
