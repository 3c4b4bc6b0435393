import { runRuleCases } from '../test/helpers/rule-harness';
import { gridSearchExplosion } from './grid-search-explosion';

const script = (grid: string, cv = 'cv=5') => `from sklearn.model_selection import GridSearchCV
from tensorflow import keras
model = keras.Sequential([keras.layers.Dense(64), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=20, batch_size=32)
search = GridSearchCV(estimator, ${grid}, ${cv})
`;

runRuleCases(gridSearchExplosion, [
  {
    name: '4 × 5 × 4 values × 5 folds = 400 fits',
    code: script('{"lr": [1e-4, 3e-4, 1e-3, 3e-3], "depth": [2, 4, 6, 8, 10], "width": [64, 128, 256, 512]}'),
    settings: { hardware: 'a100' },
    expect: [{ line: 6, messageIncludes: '400 models' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'a small grid',
    code: script('{"lr": [1e-4, 1e-3], "depth": [2, 4]}'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
