// Training-split sizes of popular Hugging Face datasets, for turning `epochs` into tokens when a script loads one
// of them by name. Examples only; tokens per example depend on the tokenizer and sequence length.
export interface DatasetInfo {
  /** Hub id as written in `load_dataset("…")`. */
  id: string;
  /** Examples in the training split. */
  trainExamples: number;
  source: string;
  year: number;
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
  },
  {
    id: 'yahma/alpaca-cleaned',
    trainExamples: 51_760,
    source: 'yahma/alpaca-cleaned dataset card (51,760 rows)',
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
    source: 'HuggingFaceH4/ultrachat_200k dataset card, train_sft split (207,865)',
    year: 2023,
  },
];

export function lookupDataset(id: string): DatasetInfo | undefined {
  const key = id.trim().toLowerCase();
  return (
    DATASETS.find((d) => d.id.toLowerCase() === key) ??
    DATASETS.find((d) => d.id.toLowerCase().split('/').pop() === key.split('/').pop())
  );
}
