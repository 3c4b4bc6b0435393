# SYNTAX TEST "source.python" "greenml suppression comments in Python"

args = TrainingArguments(output_dir="out")  # greenml: ignore[GML101]
#                                           ^ comment.line.number-sign.python punctuation.definition.comment.python
#                                             ^^^^^^^ comment.line.number-sign.python meta.suppression.greenml keyword.control.directive.greenml
#                                                    ^ meta.suppression.greenml punctuation.separator.key-value.greenml
#                                                      ^^^^^^ meta.suppression.greenml keyword.control.directive.suppression.greenml
#                                                            ^ punctuation.definition.rule-list.begin.bracket.square.greenml
#                                                             ^^^^^^ meta.rule-list.greenml constant.other.rule-code.greenml
#                                                                   ^ punctuation.definition.rule-list.end.bracket.square.greenml
#                                           ^^^^^^^^^^^^^^^^^^^^^^^^^ comment.line.number-sign.python

trainer.train()  # greenml: ignore[GML101, GML301]
#                           ^^^^^^ keyword.control.directive.suppression.greenml
#                                 ^ punctuation.definition.rule-list.begin.bracket.square.greenml
#                                  ^^^^^^ constant.other.rule-code.greenml
#                                        ^ punctuation.separator.comma.greenml
#                                         ^ meta.rule-list.greenml - constant.other.rule-code.greenml
#                                          ^^^^^^ constant.other.rule-code.greenml
#                                                ^ punctuation.definition.rule-list.end.bracket.square.greenml

model.train()  # greenml: ignore
#                ^^^^^^^ keyword.control.directive.greenml
#                         ^^^^^^ keyword.control.directive.suppression.greenml

x = 1  # noqa: GML101
#        ^^^^ comment.line.number-sign.python meta.suppression.noqa.greenml keyword.control.directive.noqa.greenml
#            ^ punctuation.separator.key-value.greenml
#              ^^^^^^ meta.rule-list.greenml constant.other.rule-code.greenml

y = 2  # noqa: E501, GML102
#        ^^^^ keyword.control.directive.noqa.greenml
#              ^^^^ meta.rule-list.greenml - constant.other.rule-code.greenml
#                  ^ punctuation.separator.comma.greenml
#                    ^^^^^^ constant.other.rule-code.greenml

# greenml: ignore[mixed-precision-off] reason="fp32 required for the solver"
# <- comment.line.number-sign.python punctuation.definition.comment.python
# ^^^^^^^ keyword.control.directive.greenml
#                 ^^^^^^^^^^^^^^^^^^^ constant.other.rule-name.greenml
#                                      ^^^^^^ variable.parameter.reason.greenml
#                                            ^ keyword.operator.assignment.greenml
#                                             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.quoted.reason.greenml

# greenml: disable[GML7]
#          ^^^^^^^ keyword.control.directive.suppression.greenml
#                  ^^^^ constant.other.rule-code.greenml

# greenml: file-ignore[GML101]
#          ^^^^^^^^^^^ keyword.control.directive.suppression.greenml

# Not suppressions: other tools' noqa, look-alike words, and text outside comments.
z = 3  # noqa: E501
#        ^^^^ comment.line.number-sign.python - keyword.control.directive.noqa.greenml
w = 4  # greenml: ignored
#        ^^^^^^^ comment.line.number-sign.python - keyword.control.directive.greenml
s = "# greenml: ignore[GML101]"
#      ^^^^^^^ string.quoted.single.python - keyword.control.directive.greenml
#                      ^^^^^^ - constant.other.rule-code.greenml
