// TensorFlow 1 graphs: a session that runs the op an optimizer's `minimize` returns, under the name TensorFlow's own
// documentation gives it (`opt_op`), once per epoch of a loop, trains; one that only runs the loss does not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

// A graph model in the style of TF1 research code (written for this test).
const MODEL = `import tensorflow as tf

class Net(object):
    def __init__(self, x, y, lr):
        logits = tf.layers.dense(x, 2)
        self.loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(labels=y, logits=logits))
        self.optimizer = tf.train.AdamOptimizer(learning_rate=lr)
        self.opt_op = self.optimizer.minimize(self.loss)
`;

const script = (fetches: string) => `import tensorflow as tf
from models import Net

flags = tf.app.flags
FLAGS = flags.FLAGS
flags.DEFINE_integer('epochs', 150, 'Number of epochs.')
flags.DEFINE_float('learning_rate', 0.01, 'Learning rate.')

x = tf.placeholder(tf.float32, [None, 4])
y = tf.placeholder(tf.float32, [None, 2])
model = Net(x, y, FLAGS.learning_rate)
sess = tf.Session()
sess.run(tf.global_variables_initializer())
for epoch in range(FLAGS.epochs):
    outs = sess.run([${fetches}], feed_dict={x: feats, y: labels})
    print(epoch, outs)
`;

test('TF1: sess.run([model.opt_op, model.loss]) in an epoch loop is a run, its length the flag default', async () => {
  const a = await analyze(
    { 'README.md': '', 'models.py': MODEL, 'train.py': script('model.opt_op, model.loss') },
    'train.py',
  );
  assert.equal(fact(a, 'epochs')?.value, 150);
  assert.equal(fact(a, 'grad_accum')?.value, 1);
});

test('must not: a session that only runs the loss and accuracy in a loop is no training run', async () => {
  const a = await analyze({ 'README.md': '', 'models.py': MODEL, 'check.py': script('model.loss') }, 'check.py');
  assert.equal([...a.runs, ...(a.linked ?? [])].length, 0);
});
