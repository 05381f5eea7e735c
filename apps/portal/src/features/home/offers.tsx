import { BankOutlined, DesktopOutlined, TeamOutlined, TrophyOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';

export type Offer = { key: string; icon: ReactNode; title: string; who: string; text: string };

/** What the fund offers (domain-rules.md §4–§7); amounts and rates are set per 申报批次, so none are quoted here. */
export const OFFERS: readonly Offer[] = [
  {
    key: 'loan',
    icon: <BankOutlined />,
    title: '贷款贴息',
    who: '面向初创期、成长期中小微企业',
    text: '对企业用于生产经营的银行贷款利息给予补贴，按贷款合同签订日的一年期贷款市场报价利率（LPR）核定贴息比例，单户贴息设有本金和年度上限。',
  },
  {
    key: 'award',
    icon: <TrophyOutlined />,
    title: '以奖代投',
    who: '面向获得股权融资、实现发展目标的企业',
    text: '企业完成首轮外部股权融资、营业收入或就业增长、发明专利授权等经核验的里程碑后，按档次给予奖励，代替政府直接股权投资。',
  },
  {
    key: 'workstation',
    icon: <DesktopOutlined />,
    title: '创新中心免费工位',
    who: '面向小微企业和个人创业者',
    text: '区内认定的创业创新中心提供免费工位、优惠场地、宽带网络和共享设备，并定期举办公益性创业辅导活动。',
  },
  {
    key: 'mentor',
    icon: <TeamOutlined />,
    title: '创业导师制',
    who: '面向在校及毕业大学生、企业经营者',
    text: '组织优秀企业家和高校导师开展“传帮带”，为大学生创新创业和成长型企业经营者提供一对一辅导。',
  },
];

export const STEPS: readonly { title: string; description: string }[] = [
  { title: '注册账号', description: '企业凭统一社会信用代码注册，个人创业者实名注册' },
  { title: '资料核验', description: '上传营业执照，由工作人员核验企业信息' },
  { title: '项目申报', description: '在申报期内选择项目并提交材料' },
  { title: '审核公示', description: '拟扶持名单在平台公示，接受社会监督' },
  { title: '资金拨付', description: '公示无异议后由财政部门拨付' },
];
