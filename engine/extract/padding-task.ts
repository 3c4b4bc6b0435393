// What the text padded to the maximum length trains (the `padding` fact GML203 judges, ./padding): a language model,
// where padding is the waste the rule is about, or an encoder with a classification head, where fixed padding to a
// short length is the common, documented practice.
//
// - Language model: a causal or sequence-to-sequence LM (`AutoModelForCausalLM`, `GPT2LMHeadModel`,
//   `T5ForConditionalGeneration`, `AutoModelForSeq2SeqLM`), a trainer or collator made for one (TRL `SFTTrainer`,
//   `Seq2SeqTrainer`, `DataCollatorForLanguageModeling`, `DataCollatorForSeq2Seq`). Instruction and pretraining text
//   varies widely in length: padded to the maximum, most positions can be padding ("Packing with FlashAttention-2",
//   Transformers docs). The fact carries form `language-model` and GML203 warns.
// - Encoder classifier: a sequence, token or multiple-choice classification head or an extractive QA head
//   (`AutoModelForSequenceClassification`, `BertForTokenClassification`, `AutoModelForQuestionAnswering`, their TF
//   variants) and no language-model sign. Transformers' own examples pad such inputs to a fixed length by default:
//   run_glue.py `pad_to_max_length` (default True) pads every sample to `max_seq_length` (128), run_qa.py to 384
//   (https://github.com/huggingface/transformers/tree/main/examples/pytorch/text-classification). BERT-family
//   encoders take at most 512 positions (`max_position_embeddings: 512`, bert-base-uncased config.json), so the
//   padding is bounded: a call padding to 512 or fewer (or to a length the file does not resolve, which the model caps)
//   is not reported. A resolved length above 512 (a Longformer at 4096) is kept.
// Anything else (a helper module that tokenises without naming its model) is reported at information (GML203).
import type { SyntaxNode } from '../parse/python';
import { withoutComments } from './code-signs';
import type { ValueResolver } from './python-values';

const LANGUAGE_MODEL =
  /\b\w*(ForCausalLM|LMHeadModel|ForConditionalGeneration|ForSeq2SeqLM|ForMaskedLM)\b|\b(SFTTrainer|SFTConfig|Seq2SeqTrainer|Seq2SeqTrainingArguments|DataCollatorForLanguageModeling|DataCollatorForSeq2Seq|DataCollatorForCompletionOnlyLM)\b/;
const ENCODER_HEAD = /\b\w*For(Sequence|Token|MultipleChoice)Classification\b|\b\w*ForQuestionAnswering\b/;
/** Positions of a BERT-family encoder (bert-base-uncased config.json `max_position_embeddings`). */
export const ENCODER_POSITIONS = 512;

export type PaddedTask = 'language-model' | 'encoder-classifier' | undefined;

/** What the file's padded text trains, by the model classes, trainers and collators its code names. */
export function paddedTask(text: string): PaddedTask {
  const code = withoutComments(text);
  if (LANGUAGE_MODEL.test(code)) return 'language-model';
  if (ENCODER_HEAD.test(code)) return 'encoder-classifier';
  return undefined;
}

/**
 * True when a padding call of an encoder classifier pads to a bounded length: its `max_length` absent (the
 * tokenizer's model_max_length), unresolved, or resolved to at most ENCODER_POSITIONS.
 */
export function boundedEncoderPadding(call: SyntaxNode, values: ValueResolver): boolean {
  const args = call.childForFieldName('arguments');
  const kw = args?.namedChildren.find(
    (a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'max_length',
  );
  const v = kw?.childForFieldName('value');
  if (!v) return true;
  const n = values.resolve(v).value;
  return typeof n !== 'number' || n <= ENCODER_POSITIONS;
}
