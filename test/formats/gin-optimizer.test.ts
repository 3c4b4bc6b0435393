// A gin config's optimizer: the class a parameter named for an optimizer is bound to (`@tf.train.AdamOptimizer`, a
// scoped `@d/…`, an evaluated `@…()`, through a macro or an included file). A reference to a factory the optimizer
// table does not know, bindings that name different optimizers, or a class only configured (`AdamOptimizer.beta1 =
// 0.5`) and never bound leave it unknown. Fixtures written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const gan = (optimizer: string) => `# A GAN on 64x64 images.
dataset.name = "celeb_a"
options.architecture = "resnet_cifar_arch"
options.batch_size = 64
options.gan_class = @ModularGAN
options.training_steps = 20000
${optimizer}
`;

const unknown = (a: Awaited<ReturnType<typeof analyze>>) => {
  const f = fact(a, 'optimizer');
  assert.ok(!f || f.value === null || f.origin === 'assumed', JSON.stringify(f?.value));
};

test('gin: the optimizer class a parameter is bound to, scoped or evaluated, is the optimizer', async () => {
  const a = await analyze(
    {
      'gan.gin': gan(`ModularGAN.g_optimizer_fn = @tf.train.AdamOptimizer
ModularGAN.d_optimizer_fn = @d/tf.train.AdamOptimizer()
tf.train.AdamOptimizer.beta1 = 0.5
d/tf.train.AdamOptimizer.beta1 = 0.0`),
    },
    'gan.gin',
  );
  const f = fact(a, 'optimizer');
  assert.equal(f?.value, 'adam');
  assert.equal(f?.origin, 'explicit');
  assert.match(f?.note ?? '', /g_optimizer_fn = @tf\.train\.AdamOptimizer/);
});

test('gin: an optimizer bound through a macro, in an included file', async () => {
  const a = await analyze(
    {
      'configs/base.gin': `OPTIMIZER = @tf.train.RMSPropOptimizer()\nAgent.optimizer = %OPTIMIZER\n`,
      'configs/gan.gin': `include 'configs/base.gin'\n${gan('tf.train.RMSPropOptimizer.decay = 0.95')}`,
    },
    'configs/gan.gin',
  );
  assert.equal(fact(a, 'optimizer')?.value, 'rmsprop');
});

test('gin: generator and discriminator bound to different optimizers: unknown', async () => {
  const a = await analyze(
    {
      'gan.gin': gan(`ModularGAN.g_optimizer_fn = @tf.train.AdamOptimizer
ModularGAN.d_optimizer_fn = @tf.train.GradientDescentOptimizer`),
    },
    'gan.gin',
  );
  unknown(a);
});

test('gin: an optimizer bound to a factory of the project, or only configured and never bound: unknown', async () => {
  unknown(await analyze({ 'gan.gin': gan('ModularGAN.g_optimizer_fn = @make_optimizer') }, 'gan.gin'));
  unknown(
    await analyze({ 'gan.gin': gan('AdamOptimizer.beta1 = 0.5\nAdamOptimizer.learning_rate = 1e-4') }, 'gan.gin'),
  );
  unknown(await analyze({ 'gan.gin': gan('Agent.optimizer = %gin.REQUIRED') }, 'gan.gin'));
});
