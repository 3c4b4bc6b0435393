// Training-split sizes of popular Hugging Face datasets, for turning `epochs` into tokens when a script loads one
// of them by name. Examples only; tokens per example depend on the tokenizer and sequence length.
export interface DatasetInfo {
  /** Hub id as written in `load_dataset("…")`. */
  id: string;
  /** Examples in the training split. */
  trainExamples: number;
  source: string;
  year: number;
  /** Image datasets: the side in pixels the images are stored at, when every image has it (CIFAR 32, MNIST 28). */
  resolution?: number;
  /**
   * Text datasets: mean tokens per training example, from the card's bytes ÷ examples at ≈ 4 bytes of English a token
   * (core/data/sample-tokens.ts), when the card states its bytes. A script that truncates to a shorter length computes
   * at most that length.
   */
  tokensPerExample?: number;
  /**
   * How papers, model cards and READMEs name the dataset in prose ("Stanford Alpaca", "ImageNet-1k"), matched whole and
   * case-blind by datasetNamedIn; a name another dataset shares a prefix with ("ImageNet" for ImageNet-21k) is none.
   */
  names?: string[];
}

export const DATASETS: readonly DatasetInfo[] = [
  {
    id: 'imdb',
    trainExamples: 25_000,
    source: 'Maas et al., "Learning Word Vectors for Sentiment Analysis", ACL 2011 (25k train reviews)',
    year: 2011,
  },
  { id: 'stanfordnlp/imdb', trainExamples: 25_000, source: 'Maas et al., ACL 2011 (25k train reviews)', year: 2011 },
  {
    id: 'tatsu-lab/alpaca',
    trainExamples: 52_002,
    source: 'Stanford Alpaca repository, alpaca_data.json (52,002 instructions)',
    year: 2023,
    names: ['Stanford Alpaca', 'Alpaca dataset', 'alpaca_data.json'],
  },
  {
    id: 'yahma/alpaca-cleaned',
    trainExamples: 51_760,
    source: 'yahma/alpaca-cleaned dataset card (51,760 rows)',
    year: 2023,
  },
  {
    id: 'mhenrichsen/alpaca_2k_test',
    trainExamples: 2_000,
    source: 'mhenrichsen/alpaca_2k_test on the Hugging Face Hub: one train split, alpaca_2000.parquet (2k rows)',
    year: 2023,
  },
  {
    id: 'squad',
    trainExamples: 87_599,
    source: 'Rajpurkar et al., "SQuAD: 100,000+ Questions", EMNLP 2016 (v1.1 train 87,599)',
    year: 2016,
  },
  {
    id: 'rajpurkar/squad',
    trainExamples: 87_599,
    source: 'Rajpurkar et al., EMNLP 2016 (v1.1 train 87,599)',
    year: 2016,
  },
  {
    id: 'ag_news',
    trainExamples: 120_000,
    source: 'Zhang, Zhao & LeCun, "Character-level ConvNets for Text Classification", NeurIPS 2015',
    year: 2015,
  },
  {
    id: 'yelp_review_full',
    trainExamples: 650_000,
    source: 'Zhang, Zhao & LeCun, NeurIPS 2015 (Yelp-5: 650k train)',
    year: 2015,
  },
  {
    id: 'cnn_dailymail',
    trainExamples: 287_113,
    source: 'See et al., "Get To The Point", ACL 2017 (287,113 train pairs)',
    year: 2017,
  },
  {
    id: 'timdettmers/openassistant-guanaco',
    trainExamples: 9_846,
    source: 'Dettmers et al., "QLoRA", 2023; dataset card (9,846 train rows)',
    year: 2023,
  },
  {
    id: 'HuggingFaceH4/ultrachat_200k',
    trainExamples: 207_865,
    source:
      'HuggingFaceH4/ultrachat_200k dataset card, train_sft split (207,865 examples, 1,397,058,554 bytes: ≈ 6,700 bytes an ' +
      'example, its first prompt stored twice, ≈ 1,600 tokens of conversation)',
    year: 2023,
    tokensPerExample: 1600,
  },
  // ---------------------------------------------------------------- images (torchvision classes and Hub ids)
  {
    id: 'imagenet-1k',
    trainExamples: 1_281_167,
    source:
      'Russakovsky et al., "ImageNet Large Scale Visual Recognition Challenge", IJCV 2015, Table 2 (ILSVRC2012 train: 1,281,167 images)',
    year: 2015,
    names: ['ImageNet-1k', 'ImageNet 1k', 'ImageNet1k', 'ILSVRC2012', 'ILSVRC-2012', 'ILSVRC 2012'],
  },
  {
    id: 'ILSVRC/imagenet-1k',
    trainExamples: 1_281_167,
    source: 'Russakovsky et al., IJCV 2015 (ILSVRC2012 train: 1,281,167 images); ILSVRC/imagenet-1k dataset card',
    year: 2015,
  },
  {
    id: 'cifar10',
    trainExamples: 50_000,
    resolution: 32,
    source:
      'Krizhevsky, "Learning Multiple Layers of Features from Tiny Images", 2009, §3 (50,000 training images, 32×32)',
    year: 2009,
  },
  {
    id: 'uoft-cs/cifar10',
    trainExamples: 50_000,
    resolution: 32,
    source: 'Krizhevsky 2009 (50,000 training images, 32×32); uoft-cs/cifar10 dataset card',
    year: 2009,
  },
  {
    id: 'cifar100',
    trainExamples: 50_000,
    resolution: 32,
    source:
      'Krizhevsky, "Learning Multiple Layers of Features from Tiny Images", 2009, §3 (50,000 training images, 32×32)',
    year: 2009,
  },
  {
    id: 'uoft-cs/cifar100',
    trainExamples: 50_000,
    resolution: 32,
    source: 'Krizhevsky 2009 (50,000 training images, 32×32); uoft-cs/cifar100 dataset card',
    year: 2009,
  },
  {
    id: 'mnist',
    trainExamples: 60_000,
    resolution: 28,
    source:
      'LeCun et al., "Gradient-Based Learning Applied to Document Recognition", Proc. IEEE 1998 (60,000 training images, 28×28)',
    year: 1998,
  },
  {
    id: 'ylecun/mnist',
    trainExamples: 60_000,
    resolution: 28,
    source: 'LeCun et al., Proc. IEEE 1998 (60,000 training images, 28×28); ylecun/mnist dataset card',
    year: 1998,
  },
  {
    id: 'fashion_mnist',
    trainExamples: 60_000,
    resolution: 28,
    source: 'Xiao, Rasul & Vollgraf, "Fashion-MNIST", arXiv:1708.07747, 2017 (60,000 training images, 28×28)',
    year: 2017,
  },
  {
    id: 'zalando-datasets/fashion_mnist',
    trainExamples: 60_000,
    resolution: 28,
    source: 'Xiao, Rasul & Vollgraf, arXiv:1708.07747, 2017 (60,000 training images, 28×28)',
    year: 2017,
  },
];

export function lookupDataset(id: string): DatasetInfo | undefined {
  const key = id.trim().toLowerCase();
  return (
    DATASETS.find((d) => d.id.toLowerCase() === key) ??
    DATASETS.find((d) => d.id.toLowerCase().split('/').pop() === key.split('/').pop())
  );
}

const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The dataset a text names (a run's name or description, as a user states it: "LoRA on LLaMA-7B, Stanford Alpaca, 10
 * epochs"), by the rows' prose names, whole words, case-blind; undefined when it names none or two different ones.
 */
export function datasetNamedIn(text: string): DatasetInfo | undefined {
  const hits = DATASETS.filter((d) =>
    (d.names ?? []).some((n) => new RegExp(`(?<![\\w-])${escape(n)}(?![\\w-])`, 'i').test(text)),
  );
  return hits.length === 1 ? hits[0] : undefined;
}
