/** One country: its alpha-2 and alpha-3 codes and the English names it goes by. */
export type Country = readonly [alpha2: string, alpha3: string, names: readonly string[]];
