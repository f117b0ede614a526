import { Card } from '../../ui/Card';
import { Skeleton } from '../../ui/Skeleton';

export function PostSkeleton() {
  return (
    <Card className="post post-skeleton" aria-hidden="true">
      <div className="post-header">
        <Skeleton width={48} height={48} round />
        <div className="post-who">
          <Skeleton width="40%" />
          <Skeleton width="60%" height="0.8em" />
        </div>
      </div>
      <Skeleton height="1em" />
      <Skeleton width="80%" height="1em" />
    </Card>
  );
}
