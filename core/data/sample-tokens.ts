// Tokens per training sample, for runs that state samples × epochs but neither tokens nor a sequence length (a model
// card's "fine-tuned on 500K instructions for 4 epochs"). A range by kind of sample: what one record of that kind
// holds, template and padding to the longest of a batch included, in the tokenizers' ≈ 4 bytes of English text a
// token, up to what the run computes when every record is padded to the maximum length (since round 21, for text and
// instruction records: PADDED_TO_MAXIMUM). Not fitted: the rows come from the sources named, never from the development
// cases. The estimate states the row it used, and the user replaces it with the tokens (--tokens) or the tokens per
// sample (--tokens-per-sample).

import type { SampleKind } from '../types';

export interface SampleTokens {
  kind: SampleKind;
  /** What the row covers, for the estimate's sentence. */
  name: string;
  low: number;
  /** The geometric middle of the records' own lengths (the text and instruction rows: of low and the longest records, not the padded high). */
  mid: number;
  high: number;
  source: string;
  year: number;
}

const BYTES =
  'at ≈ 4 bytes of English text a token (OpenAI, "What are tokens and how to count them", help centre, 2023)';

/**
 * [S] Tokens a chat or instruction record costs when the training code pads every record to the maximum length: 4,096.
 * The chat fine-tuning code most 2023 model cards descend from pads each conversation to `model_max_length`
 * (lm-sys/FastChat fastchat/train/train.py `preprocess`: `padding="max_length"`, 2023; the LLaVA scripts built on it), and
 * the recipes copied from it set that to the base model's context: 4,096 for Llama 2 and the models of its generation
 * (Touvron et al. 2023, "Llama 2", §2.2: context length 4k; `--model_max_length 4096` with `--gradient_checkpointing
 * True` in the FastChat and LLaVA training scripts), 2,048 before it. So a record of a few hundred tokens costs the
 * whole length: the top of the text and instruction rows, where their own lengths stop at 2,000–2,048.
 */
export const PADDED_TO_MAXIMUM = 4096;

/**
 * A row's mid: the geometric middle of the records' own lengths (no source gives a typical length across all such data),
 * rounded to ten tokens. Padding to the maximum is the top of the range, not its middle: the collators most current code
 * uses pad to the longest record of a batch (transformers `DataCollatorWithPadding` and `DataCollatorForSeq2Seq`,
 * `padding=True`; TRL's SFTTrainer collator), and packed data compute no padding at all.
 */
const middle = (low: number, ownHigh: number) => Math.round(Math.sqrt(low * ownHigh) / 10) * 10;

export const SAMPLE_TOKENS: Readonly<Record<SampleKind, SampleTokens>> = {
  instruction: {
    kind: 'instruction',
    name: 'an instruction or chat record (prompt and response, with its template; 4,096 when padded to the maximum length)',
    low: 100,
    mid: middle(100, 2000),
    high: PADDED_TO_MAXIMUM,
    source:
      'Taori et al. 2023, Stanford Alpaca (52,002 single-turn records, ≈ 100–150 tokens each with the prompt template); ' +
      'allenai/tulu-v2-sft-mixture dataset card 2023 (326,154 examples, 1.24 GB: ≈ 3,800 bytes ≈ 950 tokens each); ' +
      `allenai/tulu-3-sft-mixture dataset card 2024 (939,343 examples, 2.91 GB: ≈ 780 tokens each), ${BYTES}; ` +
      'HuggingFaceH4/ultrachat_200k dataset card 2023 (multi-turn: 207,865 examples, 1.40 GB ≈ 1,600 tokens each); ' +
      'high: every record padded to the 4,096-token maximum (lm-sys/FastChat fastchat/train/train.py, padding="max_length"; Touvron et al. 2023)',
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
    name: 'a text sample of a kind not stated (a sentence to a long document or conversation; 4,096 when padded to the maximum length)',
    low: 64,
    mid: middle(64, 2048),
    high: PADDED_TO_MAXIMUM,
    source:
      'the classification and instruction rows together (GLUE sentences to multi-turn chat), up to a record padded to ' +
      'the 4,096-token maximum of a Llama 2-generation model (lm-sys/FastChat fastchat/train/train.py, padding="max_length"; ' +
      'Touvron et al. 2023); 2,048 was the training length of most 2020–23 language models (Brown et al. 2020)',
    year: 2024,
  },
  molecule: {
    kind: 'molecule',
    name: 'a small molecule written as a SMILES or SELFIES string (one token per atom, bond, branch or ring digit)',
    low: 20,
    mid: middle(20, 100),
    high: 202,
    source:
      'Schwaller et al. 2019, "Molecular Transformer" (ACS Central Science 5: the atom-level SMILES tokenisation most ' +
      'chemical language models use, one token per atom, bond, branch and ring closure); Lipinski et al. 1997 (drug-like ' +
      'molecules of at most 500 Da, ≈ 35 heavy atoms: with branches and ring digits ≈ 40–100 atom-level tokens, a ' +
      "fragment ≈ 20; byte-pair vocabularies such as ChemBERTa's, Chithrananda et al. 2020, about half as many); IBM " +
      'SMI-TED (Soares et al. 2024, ibm/materials.smi-ted README: 91 M PubChem SMILES = 4 B tokens, ≈ 44 a molecule); high: ' +
      'Ross et al. 2022, MoLFormer (Nature Machine Intelligence 4: molecules of at most 202 tokens), every record padded ' +
      'to that maximum',
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
