/**
 * Demo mentoring data, written inside the demo seed's transaction (src/seed/demo.ts): a profile for the demo
 * `mentor` account, eight more mentors of every kind (profiles without sign-in accounts, so that the demo's account
 * list stays as it is), and two pairings of the demo `mentor`: an active one with two sessions (the demo applicant's
 * enterprise) and a fresh proposal awaiting an answer (the demo founder). Lifecycle facts come from the domain.
 */
import { acceptPairing, addDays, isDomainError, proposePairing, type MentorProfileInput } from '@fund/domain';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { todayInChina } from '../enterprises/enterprises.service';
import { menteeKeyOf } from './mentoring.common';
import { insertMentor } from './mentors.queries';
import { insertPairing, updatePairingState } from './pairings.queries';
import { insertRequest, setRequestStatus } from './requests.queries';
import { insertRating, insertSession } from './sessions.queries';

type Profile = MentorProfileInput;

export const DEMO_MENTOR_PROFILE: Profile = {
  name: '孙志远',
  kind: 'entrepreneur',
  organisation: '岳阳巴陵创业投资有限公司',
  title: '董事长',
  industries: ['software-it', 'info-transmission'],
  topics: ['financing', 'management', 'marketing'],
  capacity: 3,
  availability: 'accepting',
  bio: '连续创业者，曾创办两家软件企业，长期关注本地科技型中小企业融资与经营管理。',
};

export const DEMO_MORE_MENTORS: readonly Profile[] = [
  {
    name: '周敏',
    kind: 'university',
    organisation: '湖南理工学院经济与管理学院',
    title: '教授',
    industries: ['software-it', 'other'],
    topics: ['management', 'human-resources', 'policy'],
    capacity: 4,
    availability: 'accepting',
    bio: '',
  },
  {
    name: '胡建华',
    kind: 'entrepreneur',
    organisation: '岳阳洞庭农产品有限公司',
    title: '总经理',
    industries: ['agriculture', 'wholesale'],
    topics: ['marketing', 'e-commerce', 'management'],
    capacity: 2,
    availability: 'accepting',
    bio: '',
  },
  {
    name: '彭丽',
    kind: 'expert',
    organisation: '湖南岳阳某律师事务所',
    title: '合伙人律师',
    industries: ['other', 'leasing-business-services'],
    topics: ['law', 'intellectual-property'],
    capacity: 5,
    availability: 'accepting',
    bio: '',
  },
  {
    name: '易小军',
    kind: 'expert',
    organisation: '岳阳某会计师事务所',
    title: '注册会计师',
    industries: ['retail', 'catering', 'wholesale'],
    topics: ['finance-tax', 'financing'],
    capacity: 3,
    availability: 'paused',
    bio: '',
  },
  {
    name: '刘晓东',
    kind: 'university',
    organisation: '岳阳职业技术学院',
    title: '副教授',
    industries: ['industry', 'software-it'],
    topics: ['technology', 'intellectual-property'],
    capacity: 2,
    availability: 'accepting',
    bio: '',
  },
  {
    name: '谢婷',
    kind: 'entrepreneur',
    organisation: '岳阳南湖电子商务有限公司',
    title: '创始人',
    industries: ['retail', 'info-transmission'],
    topics: ['e-commerce', 'marketing'],
    capacity: 3,
    availability: 'accepting',
    bio: '',
  },
  {
    name: '邓国强',
    kind: 'entrepreneur',
    organisation: '岳阳巴陵重工机械有限公司',
    title: '董事长',
    industries: ['industry', 'construction'],
    topics: ['management', 'technology', 'financing'],
    capacity: 1,
    availability: 'accepting',
    bio: '',
  },
  {
    name: '黄静',
    kind: 'expert',
    organisation: '岳阳楼区人才服务中心',
    title: '高级经济师',
    industries: ['other', 'accommodation', 'catering'],
    topics: ['human-resources', 'policy'],
    capacity: 6,
    availability: 'accepting',
    bio: '',
  },
];

export async function seedMentoringDemo(
  trx: Transaction<Database>,
  ctx: { now: Date },
  userIds: ReadonlyMap<string, number>,
): Promise<void> {
  const at = ctx.now.toISOString();
  const mentorUserId = userIds.get('mentor');
  if (mentorUserId === undefined) return;
  const mentorId = await insertMentor(trx, mentorUserId, DEMO_MENTOR_PROFILE, at);
  for (const p of DEMO_MORE_MENTORS) await insertMentor(trx, null, p, at);

  const applicantId = userIds.get('applicant');
  const founderUserId = userIds.get('founder');
  const enterprise =
    applicantId === undefined
      ? undefined
      : await trx
          .selectFrom('enterprise')
          .select('id')
          .where('owner_user_id', '=', applicantId)
          .executeTakeFirst();
  const founder =
    founderUserId === undefined
      ? undefined
      : await trx.selectFrom('founder').select('id').where('user_id', '=', founderUserId).executeTakeFirst();
  if (!enterprise || !founder || applicantId === undefined || founderUserId === undefined) return;

  const today = todayInChina(ctx.now);
  try {
    // 1. The demo applicant's enterprise, paired 40 days ago, accepted two days later, two sessions held.
    const requestA = await insertRequest(trx, {
      requesterUserId: applicantId,
      enterpriseId: enterprise.id,
      founderId: null,
      menteeKind: 'enterprise',
      managerName: null,
      managerTitle: null,
      topics: ['financing', 'marketing'],
      industry: 'software-it',
      stage: 'startup',
      preferredKind: 'entrepreneur',
      description: '公司产品已上线，希望导师在首轮融资准备和市场推广方面给予指导。',
      at,
    });
    const proposedOn = addDays(today, -40);
    const proposal = proposePairing({
      mentor: {
        id: mentorId,
        capacity: DEMO_MENTOR_PROFILE.capacity,
        activeCount: 0,
        proposedCount: 0,
        paused: false,
      },
      menteeId: menteeKeyOf({ enterpriseId: enterprise.id, founderId: null, managerName: null }),
      menteeKind: 'enterprise',
      proposedOn,
    });
    const active = acceptPairing(proposal, addDays(proposedOn, 2));
    const pairingA = await insertPairing(trx, {
      mentorId,
      requestId: requestA,
      proposedBy: userIds.get('reviewer') ?? mentorUserId,
      proposedOn,
      proposedAt: at,
      responseDueOn: proposal.responseDueOn,
      minSessions: 4,
    });
    await updatePairingState(trx, pairingA, 'proposed', {
      status: 'active',
      accepted_on: active.acceptedOn,
      responded_at: at,
      updated_at: at,
    });
    await setRequestStatus(trx, requestA, 'paired', at);
    for (const [i, days] of [30, 10].entries()) {
      const sessionId = await insertSession(trx, {
        pairingId: pairingA,
        date: addDays(today, -days),
        durationMinutes: 90,
        mode: i === 0 ? 'on-site' : 'online',
        topics: i === 0 ? ['financing'] : ['marketing'],
        notes: i === 0 ? '梳理商业计划书与融资节奏。' : '讨论线上推广渠道与获客成本。',
        agreedActions: i === 0 ? ['两周内完成商业计划书修改'] : ['试投一个线上渠道并记录转化数据'],
        loggedBy: mentorUserId,
        loggedByParty: 'mentor',
        at,
      });
      await insertRating(trx, {
        sessionId,
        party: 'mentee',
        score: 5 - i,
        comment: '',
        ratedBy: applicantId,
        ratedOn: addDays(today, -days),
        at,
      });
    }

    // 2. The demo founder: proposed today, waiting for the demo mentor's answer.
    const requestB = await insertRequest(trx, {
      requesterUserId: founderUserId,
      enterpriseId: null,
      founderId: founder.id,
      menteeKind: 'founder',
      managerName: null,
      managerTitle: null,
      topics: ['management', 'financing'],
      industry: 'software-it',
      stage: 'idea',
      preferredKind: null,
      description: '计划毕业后创办软件工作室，希望了解公司设立、团队组建和早期资金来源。',
      at,
    });
    const proposalB = proposePairing({
      mentor: {
        id: mentorId,
        capacity: DEMO_MENTOR_PROFILE.capacity,
        activeCount: 1,
        proposedCount: 0,
        paused: false,
      },
      menteeId: menteeKeyOf({ enterpriseId: null, founderId: founder.id, managerName: null }),
      menteeKind: 'founder',
      proposedOn: today,
    });
    await insertPairing(trx, {
      mentorId,
      requestId: requestB,
      proposedBy: userIds.get('reviewer') ?? mentorUserId,
      proposedOn: today,
      proposedAt: at,
      responseDueOn: proposalB.responseDueOn,
      minSessions: 4,
    });
    await setRequestStatus(trx, requestB, 'paired', at);
  } catch (error) {
    // A start beyond the bundled working-day calendar cannot compute response deadlines: seed mentors only.
    if (isDomainError(error) && error.code === 'CALENDAR.YEAR_NOT_COVERED') return;
    throw error;
  }
}
