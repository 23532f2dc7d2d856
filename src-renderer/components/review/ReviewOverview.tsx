// 审核总览: everything the team recorded about a case on one screen for the reviewer. Two columns from
// 1200 px of window (antd's xl; the content is then about 1000 px beside the menu): on the left, narrower,
// the checks with their flags and the findings; on the right the overcharge schedule with its bill lines,
// the photos, the on-site record and supplements with every signature, and what stands in the way of
// approval. One column below that width, in the same order.
import { Col, Grid, Row, Space } from 'antd';
import type { OfficeSettings } from '../../../src-shared/inspection/officeSettings';
import type { ApprovalProblem } from '../../../src-shared/review/approval';
import type { TariffTable } from '../../../src-shared/tariff/types';
import type { LocalRecord } from '../../db/cases';
import { ReviewBlockers } from './ReviewBlockers';
import { ReviewChecks } from './ReviewChecks';
import { ReviewOnSite } from './ReviewOnSite';
import { ReviewPhotos } from './ReviewPhotos';
import { ReviewSchedule } from './ReviewSchedule';

export function ReviewOverview({ caseId, records, table, settings, problems, approved }: { caseId: string; records: readonly LocalRecord[]; table: TariffTable | null; settings: OfficeSettings; problems: readonly ApprovalProblem[]; approved: boolean }) {
  const wide = Grid.useBreakpoint().xl === true;
  return (
    <Row gutter={[16, 16]} data-testid="review-overview" data-columns={wide ? 2 : 1}>
      <Col span={wide ? 10 : 24}>
        <ReviewChecks records={records} table={table} settings={settings} />
      </Col>
      <Col span={wide ? 14 : 24}>
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <ReviewBlockers problems={problems} approved={approved} />
          <ReviewSchedule records={records} />
          <ReviewPhotos caseId={caseId} records={records} />
          <ReviewOnSite records={records} />
        </Space>
      </Col>
    </Row>
  );
}
