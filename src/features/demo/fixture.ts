/**
 * The demo committee: Buckinghamshire's Health & Adult Social Care Select
 * Committee as its agenda pack of 7 January 2021 shows it
 * (../shared/reference/hasc-2021-01-07-agenda-pack.txt). Facts come from the
 * pack; where the pack is silent the field is left empty rather than guessed,
 * and the few choices made are marked "not in the pack".
 */
import type {
  OrganisationKind,
  PersonKind,
  CommitteeKind,
  MembershipRole,
  MeetingStatus,
  AgendaItemKind,
  DocumentKind,
  AnswerKind,
  QuestionStatus,
  AttendanceStatus,
  DeclarationKind,
  ResolutionOutcome,
  InquiryKind,
  InquiryStatus,
  WorkProgrammeStatus,
} from '../../lib/enums';

export interface DemoOrganisation {
  key: string;
  name: string;
  shortName?: string;
  kind: OrganisationKind;
}

export interface DemoPerson {
  key: string;
  /** As minuted. */
  name: string;
  fullName?: string;
  honorific?: string;
  jobTitle?: string;
  organisation?: string;
  kind: PersonKind;
}

export interface DemoMembership {
  person: string;
  role: MembershipRole;
  voting?: boolean;
  representing?: string;
}

export interface DemoPresenter {
  person?: string;
  name?: string;
  capacity?: string;
}

export interface DemoPaper {
  title: string;
  kind: DocumentKind;
  /** Its text, in ./papers/<file>.txt, taken from the reference pack. */
  file: string;
  /** An appendix printed after it, in ./papers/<appendix>.txt. */
  appendix?: string;
  /** Its length in the reference pack; the demo's PDF has as many pages. */
  pages: number;
}

export interface DemoResolution {
  text: string;
  outcome: ResolutionOutcome;
}

export interface DemoAction {
  description: string;
  /** Owners as minuted, each linked to a person where one is named. */
  owners: { name: string; person?: string }[];
}

export interface DemoItem {
  kind: AgendaItemKind;
  title: string;
  purpose?: string;
  /** London time, 'HH:MM', as printed on the front sheet. */
  plannedStart?: string;
  /** For a minutes item: the key of the meeting whose minutes it confirms. */
  confirmsMinutesOf?: string;
  presenters?: DemoPresenter[];
  papers?: DemoPaper[];
  minuteText?: string;
  resolutions?: DemoResolution[];
  actions?: DemoAction[];
}

export interface DemoQuestion {
  askerName: string;
  askerOrganisation?: string;
  text: string;
  status: QuestionStatus;
  answerKind?: AnswerKind;
  answerText?: string;
  answeredBy?: string;
  /** Item number (1-based) of the public questions item. */
  item: number;
}

export interface DemoMeeting {
  key: string;
  /** London date and time. */
  date: string;
  time: string;
  venue?: string;
  status: MeetingStatus;
  /** London times the meeting began and ended, as minuted. */
  startedAt?: string;
  endedAt?: string;
  items: DemoItem[];
  attendance?: { person: string; status: AttendanceStatus }[];
  declarations?: {
    person: string;
    item: number;
    kind: DeclarationKind;
    nature: string;
    withdrew: boolean;
  }[];
  questions?: DemoQuestion[];
  /** London date and time the agenda was published; absent: the agenda is a draft. */
  agendaPublishedAt?: { date: string; time: string };
  /** London date and time the minutes were published (as a draft awaiting approval). */
  minutesPublishedAt?: { date: string; time: string };
  /** The minutes as printed (a text file in papers/), imported with the app's own importer. */
  minutesFile?: string;
  /** Where the minutes are published, when the demo does not hold them. */
  minutesUrl?: string;
}

export interface DemoWorkProgrammeEntry {
  topic: string;
  purpose: string;
  leadPresenters: string;
  contributors: string;
  /** Key of the planned meeting; absent means "TBC". */
  meeting?: string;
  status: WorkProgrammeStatus;
  inquiry?: string;
  note?: string;
}

export interface DemoInquiry {
  key: string;
  slug: string;
  title: string;
  kind: InquiryKind;
  status: InquiryStatus;
  summary: string;
}

export interface DemoUser {
  email: string;
  displayName: string;
  role: 'clerk' | 'member';
  person: string;
  /** Published on purpose: demo accounts exist to be tried, and are refused in production. */
  password: string;
}

export interface DemoFixture {
  organisations: DemoOrganisation[];
  people: DemoPerson[];
  committee: {
    slug: string;
    name: string;
    kind: CommitteeKind;
    remit: string;
    clerk: string;
    contactEmail: string;
    contactPhone: string;
    noticeClearDays: number;
    members: DemoMembership[];
  };
  meetings: DemoMeeting[];
  inquiries: DemoInquiry[];
  workProgramme: DemoWorkProgrammeEntry[];
  users: DemoUser[];
}

export const DEMO_COMMITTEE_SLUG = 'health-and-adult-social-care';

export const demoFixture: DemoFixture = {
  organisations: [
    { key: 'council', name: 'Buckinghamshire Council', kind: 'council' },
    { key: 'healthwatch', name: 'Healthwatch Bucks', kind: 'healthwatch' },
    { key: 'bht', name: 'Buckinghamshire Healthcare NHS Trust', shortName: 'BHT', kind: 'nhs_trust' },
    { key: 'ccg', name: 'Buckinghamshire Clinical Commissioning Group', shortName: 'CCG', kind: 'ccg' },
    {
      key: 'bob-ics',
      name: 'Buckinghamshire, Oxfordshire and Berkshire West Integrated Care System',
      shortName: 'BOB ICS',
      kind: 'ics',
    },
    { key: 'icp', name: 'Buckinghamshire Integrated Care Partnership', shortName: 'ICP', kind: 'icp' },
    { key: 'oxford-health', name: 'Oxford Health NHS Foundation Trust', kind: 'nhs_trust' },
    { key: 'nhse', name: 'NHS England', kind: 'nhs_england' },
    { key: 'unity', name: 'Unity Health', kind: 'gp_practice' },
    { key: 'lag', name: 'Long Crendon Local Action Group', shortName: 'LAG', kind: 'community_group' },
    { key: 'lpc', name: 'Local Pharmaceutical Committee', shortName: 'LPC', kind: 'professional_body' },
    { key: 'buckingham-tc', name: 'Buckingham Town Council', kind: 'town_parish_council' },
    { key: 'swhc', name: 'Save Wycombe Hospital Campaign', kind: 'community_group' },
  ],

  people: [
    // Members, as the front sheet lists them.
    { key: 'k-ahmed', name: 'K Ahmed', kind: 'councillor', organisation: 'council' },
    { key: 'z-ahmed', name: 'Z Ahmed', kind: 'councillor', organisation: 'council' },
    { key: 'a-bacon', name: 'A Bacon', kind: 'councillor', organisation: 'council' },
    { key: 'p-birchley', name: 'P Birchley', honorific: 'Ms', kind: 'councillor', organisation: 'council' },
    { key: 'm-bradford', name: 'M Bradford', kind: 'councillor', organisation: 'council' },
    { key: 'm-collins', name: 'M Collins', kind: 'councillor', organisation: 'council' },
    { key: 'g-hollis', name: 'G Hollis', kind: 'councillor', organisation: 'council' },
    { key: 's-jenkins', name: 'S Jenkins', kind: 'councillor', organisation: 'council' },
    { key: 'j-macbean', name: 'J MacBean', fullName: 'Jane MacBean', kind: 'councillor', organisation: 'council' },
    { key: 'g-powell', name: 'G Powell', kind: 'councillor', organisation: 'council' },
    { key: 'b-roberts', name: 'B Roberts', kind: 'councillor', organisation: 'council' },
    { key: 'a-turner', name: 'A Turner', honorific: 'Mr', kind: 'councillor', organisation: 'council' },
    { key: 'l-walsh', name: 'L Walsh', kind: 'councillor', organisation: 'council' },
    { key: 'j-wassell', name: 'J Wassell', fullName: 'Julia Wassell', kind: 'councillor', organisation: 'council' },
    { key: 'l-wood', name: 'L Wood', honorific: 'Mr', kind: 'councillor', organisation: 'council' },
    {
      key: 'z-mcintosh',
      name: 'Ms Z McIntosh',
      fullName: 'Zoe McIntosh',
      honorific: 'Ms',
      jobTitle: 'Chief Executive',
      organisation: 'healthwatch',
      kind: 'co_optee',
    },
    // The clerk.
    {
      key: 'e-wheaton',
      name: 'Mrs E Wheaton',
      fullName: 'Liz Wheaton',
      honorific: 'Mrs',
      jobTitle: 'Committee and Governance Adviser',
      organisation: 'council',
      kind: 'officer',
    },
    // Cabinet members and council officers.
    {
      key: 'a-macpherson',
      name: 'Cllr A Macpherson',
      fullName: 'Angela Macpherson',
      honorific: 'Cllr',
      jobTitle: 'Cabinet Member for Adult Social Care',
      organisation: 'council',
      kind: 'councillor',
    },
    {
      key: 'g-williams',
      name: 'Cllr G Williams',
      fullName: 'Gareth Williams',
      honorific: 'Cllr',
      jobTitle: 'Cabinet Member for Communities and Public Health',
      organisation: 'council',
      kind: 'councillor',
    },
    {
      key: 'g-quinton',
      name: 'Mrs G Quinton',
      fullName: 'Gill Quinton',
      honorific: 'Mrs',
      jobTitle: 'Corporate Director, Adults, Health and Housing',
      organisation: 'council',
      kind: 'officer',
    },
    {
      key: 'j-ogrady',
      name: 'Dr J O’Grady',
      honorific: 'Dr',
      jobTitle: 'Director of Public Health',
      organisation: 'council',
      kind: 'officer',
    },
    {
      key: 'n-graham',
      name: 'Mr N Graham',
      honorific: 'Mr',
      jobTitle: 'Service Director, Legal and Democratic Services',
      organisation: 'council',
      kind: 'officer',
    },
    {
      key: 'l-truett',
      name: 'Lisa Truett',
      fullName: 'Lisa Truett',
      jobTitle: 'Commissioning Manager (ASC)',
      organisation: 'council',
      kind: 'officer',
    },
    // NHS and partners.
    {
      key: 'j-kent',
      name: 'Dr J Kent',
      fullName: 'James Kent',
      honorific: 'Dr',
      jobTitle: 'Accountable Officer',
      organisation: 'bob-ics',
      kind: 'partner',
    },
    {
      key: 'd-williams',
      name: 'Mr D Williams',
      fullName: 'David Williams',
      honorific: 'Mr',
      jobTitle: 'Director of Strategy',
      organisation: 'bht',
      kind: 'partner',
    },
    {
      key: 'd-leveson',
      name: 'Mr D Leveson',
      honorific: 'Mr',
      jobTitle: 'Deputy Director of Strategy',
      organisation: 'bht',
      kind: 'partner',
    },
    {
      key: 'n-macdonald',
      name: 'Mr N Macdonald',
      fullName: 'Neil Macdonald',
      honorific: 'Mr',
      jobTitle: 'Chief Executive',
      organisation: 'bht',
      kind: 'partner',
    },
    {
      key: 'd-gibbs',
      name: 'Mr D Gibbs',
      honorific: 'Mr',
      jobTitle: 'Chief Operating Officer',
      organisation: 'bht',
      kind: 'partner',
    },
    {
      key: 'r-majilton',
      name: 'Mr R Majilton',
      honorific: 'Mr',
      jobTitle: 'Deputy Accountable Officer',
      organisation: 'ccg',
      kind: 'partner',
    },
    {
      key: 'j-newman',
      name: 'Ms J Newman',
      honorific: 'Ms',
      jobTitle: 'Head of Primary Care',
      organisation: 'ccg',
      kind: 'partner',
    },
    {
      key: 'j-butterworth',
      name: 'Ms J Butterworth',
      honorific: 'Ms',
      jobTitle: 'Associate Director for Medicines Optimisation',
      organisation: 'ccg',
      kind: 'partner',
    },
    {
      key: 'l-munro-faure',
      name: 'Ms L Munro-Faure',
      honorific: 'Ms',
      jobTitle: 'Managing Partner',
      organisation: 'unity',
      kind: 'partner',
    },
    {
      key: 's-logan',
      name: 'Dr S Logan',
      honorific: 'Dr',
      jobTitle: 'Clinical Partner',
      organisation: 'unity',
      kind: 'partner',
    },
    {
      key: 'a-furlonger',
      name: 'Dr A Furlonger',
      honorific: 'Dr',
      jobTitle: 'Clinical Partner',
      organisation: 'unity',
      kind: 'partner',
    },
    {
      key: 'f-cayley',
      name: 'Ms F Cayley',
      honorific: 'Ms',
      jobTitle: 'Chairman',
      organisation: 'lag',
      kind: 'public',
    },
    { key: 'f-momen', name: 'Ms F Momen', honorific: 'Ms', jobTitle: 'Member', organisation: 'lag', kind: 'public' },
    {
      key: 'm-patel',
      name: 'Mr M Patel',
      honorific: 'Mr',
      jobTitle: 'Chief Officer',
      organisation: 'lpc',
      kind: 'partner',
    },
    {
      key: 'k-patel',
      name: 'Mr K Patel',
      fullName: 'Kalpesh Patel',
      honorific: 'Mr',
      jobTitle: 'Local Pharmacist',
      kind: 'partner',
    },
  ],

  committee: {
    slug: DEMO_COMMITTEE_SLUG,
    name: 'Health & Adult Social Care Select Committee',
    kind: 'select',
    // Not in the pack: a plain statement of what such a committee does.
    remit:
      'Scrutinises health services and adult social care in Buckinghamshire: the council’s adult social care and public health services, and the NHS bodies that plan and provide care for the county’s residents.',
    clerk: 'e-wheaton',
    contactEmail: 'democracy@buckinghamshire.gov.uk',
    contactPhone: '01296 383856',
    noticeClearDays: 5,
    members: [
      { person: 'j-macbean', role: 'chairman' },
      { person: 'm-collins', role: 'vice_chairman' },
      { person: 'k-ahmed', role: 'member' },
      { person: 'z-ahmed', role: 'member' },
      { person: 'a-bacon', role: 'member' },
      { person: 'p-birchley', role: 'member' },
      { person: 'm-bradford', role: 'member' },
      { person: 'g-hollis', role: 'member' },
      { person: 's-jenkins', role: 'member' },
      { person: 'g-powell', role: 'member' },
      { person: 'b-roberts', role: 'member' },
      { person: 'a-turner', role: 'member' },
      { person: 'l-walsh', role: 'member' },
      { person: 'j-wassell', role: 'member' },
      { person: 'l-wood', role: 'member' },
      // Co-opted members other than church and parent governors do not vote (Local Government Act 2000, s.9FA).
      { person: 'z-mcintosh', role: 'co_opted', voting: false, representing: 'Healthwatch Bucks' },
    ],
  },

  meetings: [
    {
      key: '2020-11-05',
      date: '2020-11-05',
      time: '10:00',
      status: 'held',
      startedAt: '10:00',
      endedAt: '13:24',
      // Not in the pack: the minutes were published for approval with the next agenda.
      minutesPublishedAt: { date: '2020-12-23', time: '12:00' },
      // Attendance, declarations, items, resolutions and actions: read from the minutes themselves,
      // as printed in the pack of 7 January 2021, by the same importer a clerk uses.
      minutesFile: 'minutes-2020-11-05',
      items: [],
    },
    {
      key: '2021-01-07',
      date: '2021-01-07',
      time: '10:00',
      venue: 'via MS Teams',
      status: 'held',
      // The reference pack is this meeting's agenda; its minutes are published on the council's own site.
      minutesUrl: 'https://buckinghamshire.moderngov.co.uk/ieListDocuments.aspx?CId=339&MId=360',
      // Papers: pages 5 to 82 of the reference pack, after its 4-page front sheet.
      // Not in the pack: the day it went out. Any day up to Tuesday 29 December 2020 gave
      // five clear working days, Christmas Day, the Boxing Day substitute (28 December)
      // and New Year's Day not counting.
      agendaPublishedAt: { date: '2020-12-23', time: '12:00' },
      items: [
        { kind: 'apologies', title: 'Apologies for absence/Changes in Membership', plannedStart: '10:00' },
        { kind: 'declarations', title: 'Declarations of interest' },
        {
          kind: 'minutes',
          title: 'Minutes',
          purpose: 'To confirm the minutes of the meeting held on Thursday 5th November 2020.',
          confirmsMinutesOf: '2020-11-05',
          papers: [
            {
              title: 'Minutes of the meeting held on 5 November 2020',
              kind: 'minutes',
              file: 'minutes-2020-11-05',
              appendix: 'minutes-2020-11-05-appendix',
              pages: 16,
            },
          ],
        },
        {
          kind: 'public_questions',
          title: 'Public Questions',
          purpose: 'The following public questions have been submitted for this meeting.',
          plannedStart: '10:05',
          papers: [
            {
              title: 'Responses to public questions submitted by Ozma, Save Wycombe Hospital Campaign',
              kind: 'response',
              file: 'public-question-responses',
              pages: 2,
            },
          ],
        },
        {
          kind: 'chairmans_update',
          title: "Chairman's update",
          purpose:
            'For the Chairman to update Members on health and social care scrutiny related activities since the last meeting.',
          plannedStart: '10:15',
        },
        {
          kind: 'business',
          title: 'Update from Healthwatch Bucks',
          purpose: 'The Committee will receive an update from Zoe McIntosh, Chief Executive of Healthwatch Bucks.',
          plannedStart: '10:20',
          presenters: [{ person: 'z-mcintosh', capacity: 'Chief Executive, Healthwatch Bucks' }],
          papers: [
            {
              title: 'Healthwatch Bucks: overview of Covid-19 work to date',
              kind: 'report',
              file: 'healthwatch-update',
              pages: 4,
            },
          ],
        },
        {
          kind: 'business',
          title: 'Buckinghamshire, Oxfordshire and Berkshire West Integrated Care System',
          purpose:
            'The Committee will hear from Dr James Kent, the newly appointed Accountable Officer for the Buckinghamshire, Oxfordshire and Berkshire West Integrated Care System.',
          plannedStart: '10:25',
          presenters: [{ person: 'j-kent', capacity: 'Accountable Officer, Integrated Care System' }],
          papers: [
            { title: 'Integrated Care System: cover report', kind: 'report', file: 'ics-cover-report', pages: 2 },
            {
              title:
                'NHS England: Integrating care – next steps to building strong and effective integrated care systems across England',
              kind: 'appendix',
              file: 'integrating-care',
              pages: 40,
            },
          ],
        },
        {
          kind: 'business',
          title: 'County-wide engagement exercise',
          purpose:
            'At its last meeting, the Committee received an update on Buckinghamshire Integrated Care Partnership’s comprehensive programme of public engagement. The programme and survey launched on 24th August 2020 and the survey closed on 19th October. Further engagement work has taken place during December.\n\nThe Committee will receive a presentation on the latest results of the survey and some of the key findings from the focus groups.',
          plannedStart: '11:00',
          presenters: [
            { person: 'd-williams', capacity: 'Director of Strategy, Buckinghamshire Healthcare NHS Trust' },
          ],
          papers: [
            {
              title: 'Health & Social Care in Buckinghamshire: Public Feedback Survey',
              kind: 'report',
              file: 'engagement-survey',
              pages: 4,
            },
          ],
        },
        {
          kind: 'business',
          title: 'Winter provision and Covid update',
          purpose:
            'The Committee will hear from the leads within the Buckinghamshire Integrated Care Partnership on the delivery of the winter plan, in particular how residents have accessed services over the last few months, the flu and Covid vaccination programmes, the impact of the second wave on services, staff wellbeing and an update on the recovery plans.\n\nMembers will also hear about the Discharge2Assess model and explore the impact of early discharge on health and social care, particularly during the Winter months.',
          plannedStart: '11:45',
          presenters: [
            { person: 'n-macdonald', capacity: 'Chief Executive, Buckinghamshire Healthcare NHS Trust' },
            { person: 'd-gibbs', capacity: 'Chief Operating Officer, Buckinghamshire Healthcare NHS Trust' },
            { person: 'r-majilton', capacity: 'Deputy Accountable Officer, Clinical Commissioning Group' },
            { person: 'a-macpherson', capacity: 'Cabinet Member for Adult Social Care' },
            { person: 'g-williams', capacity: 'Cabinet Member for Communities and Public Health' },
            { person: 'g-quinton', capacity: 'Corporate Director, Adults, Health and Housing' },
            { person: 'j-ogrady', capacity: 'Director of Public Health' },
          ],
          papers: [{ title: 'Winter and Covid Update', kind: 'report', file: 'winter-covid-update', pages: 8 }],
        },
        {
          kind: 'work_programme',
          title: 'Work programme',
          purpose:
            'Members have raised during earlier discussions, the potential issues around access to dentists during the Covid pandemic. As a result, the work programme has been slightly amended to reflect this important issue and Members are asked to consider and agree the items proposed for the March meeting.',
          plannedStart: '12:30',
          presenters: [{ name: 'All Committee Members' }],
          papers: [{ title: 'Work programme', kind: 'report', file: 'work-programme', pages: 2 }],
        },
        {
          kind: 'next_meeting',
          title: 'Date of next meeting',
          purpose: 'The next meeting is due to take place on Thursday 4th March 2021 at 10am.',
          plannedStart: '12:45',
        },
      ],
      questions: [
        {
          item: 4,
          askerName: 'Buckingham Town Council',
          text: 'Buckingham Town Council notes that "Two community hubs are being piloted in Marlow and Thame to help patients take greater control over their care and treatment and avoid hospital admissions" as part of plans to establish an ICS across Bucks https://www.england.nhs.uk/integratedcare/integratedcaresystems/buckinghamshire-ics/our-current-projects/\n\nPlease can the ICS Leads explain whether it will be one of the ICS priorities to establish something similar with the Buckingham Community Hospital within the next 5 years? And moreover, how will the introduction of the ICS across Bucks noticeably affect the lives of Buckingham people? And how will Buckingham people be able to have a say about all this?',
          status: 'accepted',
          answerKind: 'oral',
        },
        {
          item: 4,
          askerName: 'Ozma',
          askerOrganisation: 'Save Wycombe Hospital Campaign',
          text: 'How were the Marlow and Thame hospital buildings used during the first wave of the pandemic? Would it be sensible to prepare to use them as step down wards for Covid patients now that numbers in Bucks of Covid cases are on the increase again?',
          status: 'accepted',
          answerKind: 'oral',
          answeredBy: 'Buckinghamshire Healthcare NHS Trust',
        },
        {
          item: 4,
          askerName: 'Ozma',
          askerOrganisation: 'Save Wycombe Hospital Campaign',
          text: "Recently the Integrated partnership pushed out a survey on social media, therefore excluding many people including some of the most vulnerable. It was shocking timing in the middle of a pandemic and many people had issues with trying to respond to the survey, some of these can be viewed here on this Bucks council Facebook post: https://m.facebook.com/story.php?story_fbid=3403706273006098&id=2070328539677218&anchor_composer=false and more concerns can be viewed on Dr Linda Derrick's blog: http://lindaderrick.simplesite.com/432480734?fbclid=IwAR2hSmyNXEVF4yVR6elL08YbH3lq_vaVVAerN7lOWJ31vogCd32wDyD9Uo\n\nThere were SEVERAL issues with the survey, some people abandoned it completely, others felt they were forced to chose options they didn't fully agree with. Surely any responses on how things are going should be for the immediate short term i.e. to see us through the 'second wave' and short/medium/long term plans shouldn't be based on these responses?\n\n'Your community your care' has lead to cuts to beds at Marlow, Thame and Amersham. At what point will the committee stand up and say enough is enough when it comes to cutting services across Buckinghamshire under the guise of 'care closer to home'?",
          status: 'answered',
          answerKind: 'written',
          answerText:
            'Thank you for raising concerns about the recent county-wide engagement exercise. As you know, representatives from the Hospital Trust attended the November Select Committee meeting and Members raised a number of concerns with him. This piece of engagement work is continuing and Members will be receiving a further update at the January meeting. The HASC Select Committee will continue to review, monitor and challenge the outcomes from this engagement work as it develops.',
        },
        {
          item: 4,
          askerName: 'Ozma',
          askerOrganisation: 'Save Wycombe Hospital Campaign',
          text: "We re-submitted our petition: https://you.38degrees.org.uk/petitions/no-furtherdowngrades-of-buckinghamshire-s-hospitals-including-community-hospitals to be included as 'Health and Social Care in Buckinghamshire - Public Feedback'. The petition reads: “No further downgrades of Buckinghamshire's Hospitals - including Community Hospitals”\n\nWe ask you to please:\n\n- Keep our community hospitals and 'step down' wards open\n- Halt the continued downgrades/centralisation/outsourcing of Bucks' hospitals & their services\n- Speak up about funding constraints and ensure patients/potential patients' needs are put first\n\nBeds at Amersham, Thame, Marlow and Wycombe need to be reopened as do the step down wards for NSIC patients in Stoke. Local, smaller GP surgeries and face to face appointments are also crucial and must be protected. No more cuts. As the population grows, we need to protect current services, reopen services and invest in prevention. Moreover, we continue our calls to restore Wycombe hospital to a fully functioning one once more with services including A&E and full maternity.\n\nIt's time for HASC to truly champion the needs of residents in Buckinghamshire, if we continue down the hospital closure path we are on, what will be left?",
          status: 'answered',
          answerKind: 'written',
          answerText:
            'We note your comments and will continue to evaluate and challenge the health & social care plans as these are developed.',
        },
        {
          item: 4,
          askerName: 'Ozma',
          askerOrganisation: 'Save Wycombe Hospital Campaign',
          text: "The following question regarding PPE was asked at Health and wellbeing board as a follow on question to one asked at BHT AGM and the response now received is below however we are still concerned. If it's appropriate for two ladies (who weren't in the younger age group) to be dealing with patients coming in through the main entrance of a hospital - many with no mask on, whilst only wearing a surgical mask then that's very concerning. Perhaps the Trust need to look into the risk assessments in depth and ensure measures are actively taken to protect all staff above and beyond basic guidelines? Could HASC investigate this? How many staff would pass a mask 'fit' test in their current attire?\n\nMore than 500 NHS and social care staff are said to have died since the pandemic began. More needs to be done to ensure their safety. It's obvious that not all staff are wearing full protective clothing, e.g. those at the entrance of the hospital wearing only surgical masks when assisting people entering the hospital with sanitiser and masks.\n\nPlease ensure that ALL staff are wearing fit tested masks including those in outpatient settings and 'non' covid wards. Please provide additional assistance to those who are in greater risk groups and those who are at greater risk due to using public transport. What further assistance and support will be made?\n\n'All staff are provided with the appropriate PPE for the role and task that they are doing. Support is provided to all staff and through our risk assessment process, any additional measures are put in place for those who are at greater at risk.'",
          status: 'answered',
          answerKind: 'written',
          answerText:
            'We were concerned to read your comments about the use of Personal Protective Equipment at the Hospital. We note that a response has already been provided by the Trust but we have asked whether they can provide a further update.',
        },
      ],
    },
    {
      key: '2021-03-04',
      date: '2021-03-04',
      time: '10:00',
      status: 'scheduled',
      items: [],
    },
  ],

  inquiries: [
    {
      key: 'carers',
      slug: 'support-for-carers',
      title: 'Support for carers',
      kind: 'one_day',
      status: 'reported',
      summary:
        'The Committee held a one-day inquiry into support for carers in October 2018. The previous Committee reviewed the progress in implementing its recommendations after nine months.',
    },
  ],

  users: [
    {
      email: 'clerk@demo.scrutineer.invalid',
      displayName: 'Liz Wheaton (demo clerk)',
      role: 'clerk',
      person: 'e-wheaton',
      password: 'demo-clerk-password',
    },
    {
      email: 'member@demo.scrutineer.invalid',
      displayName: 'A Turner (demo member)',
      role: 'member',
      person: 'a-turner',
      password: 'demo-member-password',
    },
  ],

  workProgramme: [
    {
      topic: 'Support for Carers and key workers',
      purpose:
        'The HASC undertook a one day inquiry into support for carers in October 2018. The previous Committee reviewed the progress in implementing the recommendations after 9 months so this item will look at the latest situation. In light of Covid-19, the Committee will also hear from Buckinghamshire Council and Buckinghamshire Healthcare NHS Trust on the ongoing support available for key workers.',
      leadPresenters:
        'Angela Macpherson, Cabinet Member for Adult Social Care; Gill Quinton, Corporate Director for Housing and Adult Social Care; Neil Macdonald, Chief Executive, Buckinghamshire Healthcare NHS Trust',
      contributors:
        'Lisa Truett, Commissioning Manager (ASC); TBC – representative from BHT’s health & wellbeing team; Representatives from Oxford Health',
      meeting: '2021-03-04',
      status: 'proposed',
      inquiry: 'carers',
    },
    {
      topic: 'Access to Dentists',
      purpose:
        'For the Committee to hear from local dentists about their experiences over the last few months and the impact Covid has had on their dental practices. Members will also examine the county’s dentistry provision.',
      leadPresenters: 'TBC',
      contributors: 'TBC',
      meeting: '2021-03-04',
      status: 'proposed',
    },
    {
      topic: 'Obesity/Healthy Lifestyles',
      purpose:
        'Item to be developed but could build on the Child Obesity Inquiry undertaken by the HASC in 2018 (have the child obesity rates been affected by lockdown and the plans to address any negative impact). Could also explore the impact on adult and children’s eating habits/lifestyle during the Covid-19 crisis.',
      leadPresenters: '',
      contributors: '',
      status: 'proposed',
      note: 'Due to the Elections taking place in May, to be scheduled once the meeting dates have been confirmed.',
    },
    {
      topic: 'Primary Care planning',
      purpose: '',
      leadPresenters: '',
      contributors: '',
      status: 'proposed',
      note: 'Due to the Elections taking place in May, to be scheduled once the meeting dates have been confirmed.',
    },
    {
      topic: 'ASC Service Transformation – evaluation of the Better Lives Strategy',
      purpose: '',
      leadPresenters: '',
      contributors: '',
      status: 'proposed',
      note: 'Due to the Elections taking place in May, to be scheduled once the meeting dates have been confirmed.',
    },
    {
      topic: 'ASC Quality Assurance Framework',
      purpose: '',
      leadPresenters: '',
      contributors: '',
      status: 'proposed',
      note: 'Due to the Elections taking place in May, to be scheduled once the meeting dates have been confirmed.',
    },
  ],
};
