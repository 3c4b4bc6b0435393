// Tokens per training sample, for runs that state samples × epochs but neither tokens nor a sequence length (a model
// card's "fine-tuned on 500K instructions for 4 epochs"). A range by kind of sample: what one record of that kind
// holds, template and padding to the longest of a batch included, in the tokenizers' ≈ 4 bytes of English text a
// token. Not fitted: the rows come from the sources named, never from the development cases. The estimate states the
// row it used, and the user replaces it with the tokens (--tokens) or the tokens per sample (--tokens-per-sample).

import type { SampleKind } from '../types';

export interface SampleTokens {
  kind: SampleKind;
  /** What the row covers, for the estimate's sentence. */
  name: string;
  low: number;
  /** The geometric middle of low and high: no source gives a typical length across all such data. */
  mid: number;
  high: number;
  source: string;
  year: number;
}

const BYTES =
  'at ≈ 4 bytes of English text a token (OpenAI, "What are tokens and how to count them", help centre, 2023)';

export const SAMPLE_TOKENS: Readonly<Record<SampleKind, SampleTokens>> = {
  instruction: {
    kind: 'instruction',
    name: 'an instruction or chat record (prompt and response, with its template)',
    low: 100,
    mid: 450,
    high: 2000,
    source:
      'Taori et al. 2023, Stanford Alpaca (52,002 single-turn records, ≈ 100–150 tokens each with the prompt template); ' +
      'allenai/tulu-v2-sft-mixture dataset card 2023 (326,154 examples, 1.24 GB: ≈ 3,800 bytes ≈ 950 tokens each); ' +
      `allenai/tulu-3-sft-mixture dataset card 2024 (939,343 examples, 2.91 GB: ≈ 780 tokens each), ${BYTES}; ` +
      'HuggingFaceH4/ultrachat_200k dataset card 2023 (multi-turn: 207,865 examples, 1.40 GB ≈ 1,600 tokens each; high)',
    year: 2024,
  },
  classification: {
    kind: 'classification',
    name: 'a sentence or document to classify or tag',
    low: 32,
    mid: 128,
    high: 512,
    source:
      'Wang et al. 2019, GLUE (single sentences and sentence pairs of tens of tokens); Maas et al. 2011, IMDB reviews ' +
      '(≈ 230 words ≈ 300 tokens); 512 is the BERT-family maximum length (Devlin et al. 2019)',
    year: 2019,
  },
  text: {
    kind: 'text',
    name: 'a text sample of a kind not stated (a sentence to a long document or conversation)',
    low: 64,
    mid: 360,
    high: 2048,
    source:
      'the classification and instruction rows together (GLUE sentences to multi-turn chat), up to 2,048, the training ' +
      'length of most 2020–23 language models (Brown et al. 2020; Touvron et al. 2023)',
    year: 2024,
  },
  multimodal: {
    kind: 'multimodal',
    name: 'an image–text (or robot observation–action) sample: image tokens and text',
    low: 300,
    mid: 950,
    high: 3000,
    source:
      'Beyer et al. 2024, PaliGemma (256 image tokens at 224² plus text); Liu et al. 2024, LLaVA-1.5 (576 image tokens at ' +
      '336²); Liu et al. 2024, LLaVA-NeXT (up to 2,880 image tokens with AnyRes), several camera views or long text (high)',
    year: 2024,
  },
};

export const SAMPLE_KINDS = Object.keys(SAMPLE_TOKENS) as SampleKind[];
