import { matchResumeToJob, type MatchJob, type MatchResume } from '../../mock/applications/match-score';

const NOW = Date.UTC(2025, 5, 1);

const JOB: MatchJob = {
  category: '前端开发工程师',
  title: '前端开发工程师',
  cityCode: '330100',
  jobType: 'full_time',
  salaryMinMonth: 12_000,
  salaryMaxMonth: 18_000,
  education: 'bachelor',
  experience: '3_5',
  tags: ['React', '小程序'],
};

const EMPTY: MatchResume = { basic: null, expectations: null, workExperiences: [], educations: [], skills: [] };

const FULL: MatchResume = {
  basic: {
    name: '林小前',
    gender: 'female',
    birthYear: 1996,
    email: null,
    cityCode: '330100',
    cityName: '杭州市',
    status: 'employed',
  },
  expectations: {
    categories: ['前端开发工程师'],
    cityCodes: ['330100'],
    cityNames: ['杭州市'],
    salaryMin: 15_000,
    salaryMax: 25_000,
    jobTypes: ['full_time'],
  },
  workExperiences: [
    { id: '1', company: '某科技', title: '前端', startMonth: '2021-06', endMonth: null, description: '' },
  ],
  educations: [
    { id: '1', school: '浙江大学', degree: 'master', major: '计算机', startMonth: '2018-09', endMonth: '2021-06' },
  ],
  skills: ['react'],
};

describe('matchResumeToJob', () => {
  it('scores a resume that fits every part 100, with every reason', () => {
    expect(matchResumeToJob(FULL, JOB, NOW)).toEqual({
      score: 100,
      reasons: [
        '期望职位相符',
        '期望城市相符',
        '薪资期望在范围内',
        '学历符合要求',
        '工作经验符合要求',
        '技能与职位相关',
      ],
    });
  });

  it('scores an empty resume 0 against a job with requirements', () => {
    expect(matchResumeToJob(EMPTY, JOB, NOW)).toEqual({ score: 0, reasons: [] });
  });

  it('counts only what fits: too little experience, a lower degree, pay out of range', () => {
    const junior: MatchResume = {
      ...FULL,
      expectations: { ...FULL.expectations!, salaryMin: 20_000, salaryMax: 30_000 },
      workExperiences: [{ ...FULL.workExperiences[0], startMonth: '2024-01' }],
      educations: [{ ...FULL.educations[0], degree: 'associate' }],
    };
    expect(matchResumeToJob(junior, JOB, NOW)).toEqual({
      score: 60,
      reasons: ['期望职位相符', '期望城市相符', '技能与职位相关'],
    });
  });

  it('lets a fresh graduate fit a job for 应届生 and anyone fit 学历不限 / 经验不限', () => {
    const graduate: MatchResume = { ...EMPTY, basic: { ...FULL.basic!, status: 'graduate' } };
    const freshJob: MatchJob = { ...JOB, education: 'any', experience: 'fresh' };
    expect(matchResumeToJob(graduate, freshJob, NOW).reasons).toEqual([
      '期望城市相符',
      '学历符合要求',
      '工作经验符合要求',
    ]);
  });
});
