import { EMPTY_SEARCH, preferencesFrom, searchToApiQuery } from '../../stores/job-query';

describe('the resume’s expectations in the 推荐 query', () => {
  const preferences = { categories: ['厨师', '帮厨'], salaryMin: 5000, cityCodes: ['330100', '310000'] };

  it('ranks by categories, pay and expected cities; a chosen city makes the expected cities moot', () => {
    expect(searchToApiQuery(EMPTY_SEARCH, null, preferences)).toMatchObject({
      prefCategories: '厨师,帮厨',
      prefSalaryMin: '5000',
      prefCityCodes: '330100,310000',
    });
    const inCity = searchToApiQuery({ ...EMPTY_SEARCH, cityCode: '110000', cityName: '北京' }, null, preferences);
    expect(inCity.prefCityCodes).toBeUndefined();
    expect(inCity.prefCategories).toBe('厨师,帮厨');
    expect(searchToApiQuery({ ...EMPTY_SEARCH, sort: 'latest' }, null, preferences).prefCityCodes).toBeUndefined();
  });

  it('reads remembered preferences back only when they have their shape', () => {
    expect(preferencesFrom(preferences)).toEqual(preferences);
    expect(preferencesFrom(undefined)).toBeNull();
    expect(preferencesFrom({ categories: ['厨师'], salaryMin: 5000 })).toBeNull();
    expect(preferencesFrom({ categories: [1], salaryMin: 5000, cityCodes: [] })).toBeNull();
    expect(preferencesFrom('厨师')).toBeNull();
  });
});
