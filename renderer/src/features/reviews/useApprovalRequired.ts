import { useEffect, useState } from 'react';
import { invoke, on } from '../../app/samen';

type Approval = { required: boolean; organisation: boolean; group: boolean };

/** Whether her post here waits for approval ("Ter goedkeuring aanbieden"), and the settings; follows the synced settings. */
export function useApproval(groupId: string | null): Approval | null {
  const [approval, setApproval] = useState<Approval | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      void invoke('reviews.approvalRequired', { groupId }).then((r) => {
        if (live && r.ok) setApproval(r.value);
      });
    load();
    const off = [on('timeline.changed', load), on('groups.changed', load)];
    return () => {
      live = false;
      for (const f of off) f();
    };
  }, [groupId]);
  return approval;
}

export const useApprovalRequired = (groupId: string | null) => useApproval(groupId)?.required === true;
