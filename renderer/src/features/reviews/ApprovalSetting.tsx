import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../app/samen';
import { errorText } from '../../ui/i18n/i18n';
import { showToast } from '../../ui/toast/toastStore';
import { useApproval } from './useApprovalRequired';

/** Editors (organisation) or a group's admins (group): posts first wait for a coach's or editor's approval. */
export function ApprovalSetting({ groupId, initial }: { groupId: string | null; initial: boolean }) {
  const { t } = useTranslation();
  const [on, setOn] = useState(initial);
  const [busy, setBusy] = useState(false);
  const change = async (next: boolean) => {
    setBusy(true);
    const r = await invoke('reviews.setApproval', { groupId, required: next });
    setBusy(false);
    if (!r.ok) {
      showToast(errorText(t, r.error.code), 'error');
      return;
    }
    setOn(r.value.required);
    showToast(t('reviews.settingSaved'));
  };
  return (
    <label className="review-setting">
      <input type="checkbox" checked={on} disabled={busy} onChange={(e) => void change(e.target.checked)} />
      <span>{groupId ? t('reviews.settingGroup') : t('reviews.settingOrganisation')}</span>
    </label>
  );
}

/** The setting for a group, on its admin tools, once its current value is read from the cache. */
export function GroupApprovalSetting({ groupId }: { groupId: string }) {
  const approval = useApproval(groupId);
  return approval ? <ApprovalSetting groupId={groupId} initial={approval.group} /> : null;
}
