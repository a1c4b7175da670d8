import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Rule = ReturnType<Storage['getTargetValidationMetadatas']>[number];

const memoized = new WeakSet<Storage>();

/**
 * class-validator looks a class's rules up on every `validate()`: it filters the class's rules,
 * walks every registered class to collect inherited ones (a cost that grows with the number of
 * DTOs in the application), and groups the result by property. The rules are fixed once the
 * classes are loaded, so both lookups are remembered per class and options; registering any new
 * rule forgets them all. Results are only read by class-validator, never changed.
 */
export function memoizeValidationMetadata(storage: Storage = getMetadataStorage()): void {
  if (memoized.has(storage)) return;
  memoized.add(storage);
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let rulesByTarget = new Map<unknown, Map<string, Rule[]>>();
  let groupings = new WeakMap<Rule[], Record<string, Rule[]>>();

  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const options = `${schema}\u0000${always}\u0000${strictGroups}\u0000${(groups ?? []).join('\u0000')}`;
    let byOptions = rulesByTarget.get(target);
    if (!byOptions) rulesByTarget.set(target, (byOptions = new Map()));
    let rules = byOptions.get(options);
    if (!rules) {
      rules = lookUp(target, schema, always, strictGroups, groups);
      byOptions.set(options, rules);
    }
    return rules;
  };
  storage.groupByPropertyName = (rules) => {
    let grouped = groupings.get(rules);
    if (!grouped) {
      grouped = group(rules);
      groupings.set(rules, grouped);
    }
    return grouped;
  };
  storage.addValidationMetadata = (rule) => {
    rulesByTarget = new Map();
    groupings = new WeakMap();
    add(rule);
  };
}
